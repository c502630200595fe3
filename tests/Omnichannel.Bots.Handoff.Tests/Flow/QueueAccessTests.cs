using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

/// <summary>Agents read and act only on tickets of the queues they work; an admin and an agent listing no queue on all of them.</summary>
public sealed class QueueAccessTests
{
    private const string Rules = """
        version: 1
        queues: [general, billing]
        rules:
          - name: asks
            when: { asked_for_person: true }
            escalate: {}
        """;

    private static readonly HandoffTexts Texts = new();
    private static readonly AgentIdentity Gina = new("gina", "Gina", ["general"]);
    private static readonly AgentIdentity Bill = new("bill", "Bill", ["billing"]);
    private static readonly AgentIdentity Root = new("root", "Root", ["billing"]) { Role = AgentRole.Admin };
    private static readonly AgentIdentity Alice = HandoffHarness.Alice;

    [Fact]
    public async Task Transfer_IntoTheirOwnQueueThenClaim_IsRefusedAndNothingChanges()
    {
        await using var harness = await StartAsync();
        var ticket = await GeneralTicketAsync(harness);

        var transfer = await harness.Desk.TransferAsync(ticket.Id, Bill, "billing", default);
        var claim = await harness.Desk.ClaimAsync(ticket.Id, Bill, default);

        Assert.Equal((DeskOutcome.NotFound, DeskOutcome.NotFound), (transfer.Outcome, claim.Outcome));
        Assert.DoesNotContain("general", transfer.Message + claim.Message, StringComparison.Ordinal);
        var after = (await harness.Store.GetAsync(ticket.Id, default))!;
        Assert.Equal(("general", HandoffTicketStatus.Queued, null), (after.Queue, after.Status, after.AgentId));
        Assert.Empty(await harness.Store.GetNotesAsync(ticket.Id, default));
    }

    [Fact]
    public async Task Actions_TicketOfAnotherQueue_AreRefusedAsNotFoundAndChangeNothing()
    {
        await using var harness = await StartAsync();
        var ticket = await GeneralTicketAsync(harness);

        Assert.Equal(DeskOutcome.NotFound, (await harness.Desk.AddNoteAsync(ticket.Id, Bill, "I was here", default)).Outcome);
        Assert.Null(await harness.Desk.GetAsync(ticket.Id, Bill, default));
        Assert.Empty(await harness.Desk.ListOpenAsync(Bill, default));

        Assert.True((await harness.Desk.ClaimAsync(ticket.Id, Gina, default)).Succeeded);
        Assert.Equal(DeskOutcome.NotFound, (await harness.Desk.ReplyAsync(ticket.Id, Bill, "I'll take it", default)).Outcome);
        Assert.Equal(DeskOutcome.NotFound, (await harness.Desk.ResolveAsync(ticket.Id, Bill, default)).Outcome);
        Assert.Equal(DeskOutcome.NotFound, (await harness.Desk.ReturnToBotAsync(ticket.Id, Bill, default)).Outcome);
        Assert.Equal(DeskOutcome.NotFound, (await harness.Desk.TransferAsync(ticket.Id, Bill, "billing", default)).Outcome);
        Assert.Equal(DeskOutcome.NotFound, (await harness.Desk.ClaimAsync(ticket.Id, Bill, default)).Outcome);

        var after = (await harness.Store.GetAsync(ticket.Id, default))!;
        Assert.Equal(("general", HandoffTicketStatus.Assigned, "gina"), (after.Queue, after.Status, after.AgentId));
        Assert.Empty(await harness.Store.GetNotesAsync(ticket.Id, default));
        Assert.DoesNotContain(harness.Bot.Channel(ChannelId.WebChat).Sent, m => m.Text == "I'll take it");
    }

    [Fact]
    public async Task Actions_AdminOfAnotherQueue_ReadsClaimsRepliesAndNotes()
    {
        await using var harness = await StartAsync();
        var ticket = await GeneralTicketAsync(harness);

        Assert.NotNull(await harness.Desk.GetAsync(ticket.Id, Root, default));
        Assert.Single(await harness.Desk.ListOpenAsync(Root, default));
        Assert.True((await harness.Desk.AddNoteAsync(ticket.Id, Root, "Looking into it", default)).Succeeded);
        Assert.True((await harness.Desk.ClaimAsync(ticket.Id, Root, default)).Succeeded);
        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, Root, "An admin here", default)).Succeeded);
        Assert.True((await harness.Desk.ResolveAsync(ticket.Id, Root, default)).Succeeded);
        Assert.Equal(HandoffTicketStatus.Resolved, (await harness.Store.GetAsync(ticket.Id, default))!.Status);
    }

    [Fact]
    public async Task Actions_AgentListingNoQueue_WorksEveryQueue()
    {
        await using var harness = await StartAsync();
        var ticket = await GeneralTicketAsync(harness);
        Assert.True((await harness.Desk.TransferAsync(ticket.Id, Alice, "billing", default)).Succeeded);

        Assert.NotNull(await harness.Desk.GetAsync(ticket.Id, Alice, default));
        Assert.Single(await harness.Desk.ListOpenAsync(Alice, default));
        Assert.True((await harness.Desk.AddNoteAsync(ticket.Id, Alice, "Billing question", default)).Succeeded);
        Assert.True((await harness.Desk.ClaimAsync(ticket.Id, Alice, default)).Succeeded);
        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, Alice, "Let me check the invoice", default)).Succeeded);
        Assert.True((await harness.Desk.TransferAsync(ticket.Id, Alice, "general", default)).Succeeded);
        Assert.Equal(("general", HandoffTicketStatus.Queued), ((await harness.Store.GetAsync(ticket.Id, default))!.Queue, (await harness.Store.GetAsync(ticket.Id, default))!.Status));
    }

    [Fact]
    public async Task Transfer_OwnTicketToAQueueTheyDoNotWork_SucceedsAndTheyLoseIt()
    {
        await using var harness = await StartAsync();
        var ticket = await GeneralTicketAsync(harness);
        await harness.Desk.ClaimAsync(ticket.Id, Gina, default);

        Assert.True((await harness.Desk.TransferAsync(ticket.Id, Gina, "billing", default)).Succeeded);

        Assert.Null(await harness.Desk.GetAsync(ticket.Id, Gina, default));
        Assert.Equal(DeskOutcome.NotFound, (await harness.Desk.ClaimAsync(ticket.Id, Gina, default)).Outcome);
        Assert.True((await harness.Desk.ClaimAsync(ticket.Id, Bill, default)).Succeeded);
    }

    [Fact]
    public async Task Claim_AgentsOfBothQueuesRaceWhileAnAdminTransfers_NobodyHoldsATicketOutsideTheirQueues()
    {
        await using var harness = await StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await harness.Customer(customer: new TestCustomer("race-" + i)).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        }

        foreach (var ticket in await harness.Store.ListOpenAsync(default))
        {
            var results = await Task.WhenAll(
                Task.Run(() => harness.Desk.ClaimAsync(ticket.Id, Gina, default)),
                Task.Run(() => harness.Desk.ClaimAsync(ticket.Id, Bill, default)),
                Task.Run(() => harness.Desk.TransferAsync(ticket.Id, Root, "billing", default)));
            var after = (await harness.Store.GetAsync(ticket.Id, default))!;
            var claims = results[..2].Count(r => r.Succeeded);
            Assert.True(claims <= 1, $"ticket {ticket.Id}: {claims} claims");
            if (after.AgentId is { } holder)
            {
                var agent = holder == "gina" ? Gina : Bill;
                Assert.True(agent.Works(after.Queue), $"{holder} holds ticket {ticket.Id} in {after.Queue}");
            }
        }
    }

    [Fact]
    public async Task ClaimAsync_StoreWithQueuesThatMissTheTicketsQueue_DoesNotClaim()
    {
        await using var harness = await StartAsync();
        var ticket = await GeneralTicketAsync(harness);

        var refused = await harness.Store.ClaimAsync(ticket.Id, "bill", ["billing"], harness.Bot.Time.GetUtcNow(), default);
        var moved = await harness.Store.MoveQueuedAsync(ticket.Id, "billing", ["billing"], default);
        var note = await harness.Store.AddNoteAsync(ticket.Id, "bill", "hidden", ["BILLING"], harness.Bot.Time.GetUtcNow(), default);
        var claimed = await harness.Store.ClaimAsync(ticket.Id, "gina", ["Billing", "GENERAL"], harness.Bot.Time.GetUtcNow(), default);

        Assert.Equal((false, false, null, true), (refused.Claimed, moved, note, claimed.Claimed));
        Assert.Equal(("general", "gina"), (claimed.Ticket!.Queue, claimed.Ticket.AgentId));
    }

    private static Task<HandoffHarness> StartAsync() =>
        HandoffHarness.StartAsync(Rules, services: s => s.PostConfigure<AgentsOptions>(o => o.ReplyTimeout = TimeSpan.FromDays(1)));

    private static async Task<HandoffTicket> GeneralTicketAsync(HandoffHarness harness)
    {
        await harness.Customer().Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        Assert.Equal("general", ticket.Queue);
        return ticket;
    }
}
