using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

/// <summary>The desk on real turns: claim, reply through the customer's channel (or why it cannot: the reachability policy), notes, transfer, resolve, return, timers.</summary>
public sealed class DeskFlowTests
{
    private const string Blocked = "Forbidden: bot was blocked by the user";
    private static readonly HandoffTexts Texts = new();

    [Fact]
    public async Task ClaimReplyReturn_FullJourney_CustomerGetsTheAgentThenTheBotAgain()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var customer = harness.Customer();
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();

        Assert.True((await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default)).Succeeded);
        var second = await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Bob, default);
        Assert.Equal(DeskOutcome.Conflict, second.Outcome);
        Assert.Contains("alice", second.Message, StringComparison.Ordinal);
        Assert.Equal(DeskOutcome.Forbidden, (await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Bob, "I'll take it", default)).Outcome);

        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Hi, I'm Alice. Let me check.", default)).Succeeded);
        var webChat = harness.Bot.Channel(ChannelId.WebChat);
        await Eventually.UntilAsync(() => webChat.Sent.Any(m => m.Text == "Hi, I'm Alice. Let me check."), "the agent's reply is delivered");
        var delivered = webChat.Sent.Single(m => m.Text == "Hi, I'm Alice. Let me check.");
        var handle = harness.Bot.Services.GetRequiredService<AgentHandles>().For("alice");
        Assert.Equal((handle, "Alice"), (delivered.Sender?.Id, delivered.Sender?.Name));
        Assert.DoesNotContain("alice", handle, StringComparison.OrdinalIgnoreCase);

        await customer.Send("thanks, order 12345").RunAsync();
        Assert.True((await harness.Desk.ReturnToBotAsync(ticket.Id, HandoffHarness.Alice, default)).Succeeded);
        await Eventually.UntilAsync(() => webChat.Sent.Any(m => m.Text == Texts.BackToBot), "the bot says it is back");
        await customer.Send("how long is shipping").ExpectReply("Answer: how long is shipping").RunAsync();

        var closed = await harness.Store.GetAsync(ticket.Id, default);
        Assert.Equal(HandoffTicketStatus.ReturnedToBot, closed!.Status);
        var detail = await harness.Desk.GetAsync(ticket.Id, default);
        Assert.Contains(detail!.Transcript, m => m is { From: "agent", AgentId: "alice" });
        Assert.Contains(detail.Transcript, m => m is { From: "customer", Text: "thanks, order 12345" });
    }

    [Fact]
    public async Task Claim_TwoAgentsAtOnce_ExactlyOneWins()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        for (var i = 0; i < 10; i++)
        {
            await harness.Customer(customer: new TestCustomer("race-" + i)).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        }

        foreach (var ticket in await harness.Store.ListOpenAsync(default))
        {
            var results = await Task.WhenAll(
                Task.Run(() => harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default)),
                Task.Run(() => harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Bob, default)));
            Assert.Single(results, r => r.Succeeded);
            Assert.Single(results, r => r.Outcome == DeskOutcome.Conflict);
            var owner = (await harness.Store.GetAsync(ticket.Id, default))!.AgentId;
            Assert.Contains(owner, new[] { "alice", "bob" });
        }
    }

    [Fact]
    public async Task Resolve_CustomerRates_TheRatingIsRecordedOnce()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var customer = harness.Customer();
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);

        Assert.True((await harness.Desk.ResolveAsync(ticket.Id, HandoffHarness.Alice, default)).Succeeded);

        var webChat = harness.Bot.Channel(ChannelId.WebChat);
        await Eventually.UntilAsync(() => webChat.Sent.Any(m => m.Text == Texts.AskCsat), "the rating question is sent");
        Assert.Equal(["1", "2", "3", "4", "5"], webChat.Sent.Single(m => m.Text == Texts.AskCsat).Choices.Select(c => c.Title));
        await customer.Send("4", m => m with { Value = "csat:4" }).ExpectReply(Texts.ThanksForRating)
            .Send("5").ExpectReply("Answer: 5")
            .RunAsync();
        Assert.Equal(4, (await harness.Store.GetAsync(ticket.Id, default))!.CsatScore);
    }

    [Fact]
    public async Task Resolve_DigitTypedAfterTheBotMovedOn_IsNotTakenAsARating()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var customer = harness.Customer();
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);
        await harness.Desk.ResolveAsync(ticket.Id, HandoffHarness.Alice, default);
        var webChat = harness.Bot.Channel(ChannelId.WebChat);
        await Eventually.UntilAsync(() => webChat.Sent.Any(m => m.Text == Texts.AskCsat), "the rating question is sent");

        await customer
            .Send("one more question").ExpectReply("Answer: one more question")
            .Send("3").ExpectReply("Answer: 3")
            .RunAsync();

        Assert.Null((await harness.Store.GetAsync(ticket.Id, default))!.CsatScore);
    }

    [Fact]
    public async Task ReturnToBot_JourneyGoesQuiet_RatingIsAskedOnce()
    {
        await using var harness = await HandoffHarness.StartAsync(configure: o => o.CsatAfterQuiet = TimeSpan.FromMinutes(15), services: LongReplyTimeout);
        await harness.Customer().Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);
        await harness.Desk.ReturnToBotAsync(ticket.Id, HandoffHarness.Alice, default);

        harness.Bot.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.Timers.TickAsync(default);
        Assert.Null((await harness.Store.GetAsync(ticket.Id, default))!.CsatRequestedAt);

        harness.Bot.Time.Advance(TimeSpan.FromMinutes(6));
        await harness.Timers.TickAsync(default);
        await harness.Timers.TickAsync(default);

        Assert.NotNull((await harness.Store.GetAsync(ticket.Id, default))!.CsatRequestedAt);
        var webChat = harness.Bot.Channel(ChannelId.WebChat);
        await Eventually.UntilAsync(() => webChat.Sent.Any(m => m.Text == Texts.AskCsat), "the rating question is sent");
        Assert.Single(webChat.Sent, m => m.Text == Texts.AskCsat);
    }

    [Fact]
    public async Task Timers_AgentLeavesTheCustomerWaiting_ConversationGoesBackToItsQueue()
    {
        await using var harness = await HandoffHarness.StartAsync(services: s => s.PostConfigure<AgentsOptions>(o => o.ReplyTimeout = TimeSpan.FromMinutes(5)));
        await harness.Customer().Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);

        harness.Bot.Time.Advance(TimeSpan.FromMinutes(4));
        await harness.Timers.TickAsync(default);
        Assert.Equal(HandoffTicketStatus.Assigned, (await harness.Store.GetAsync(ticket.Id, default))!.Status);

        harness.Bot.Time.Advance(TimeSpan.FromMinutes(2));
        await harness.Timers.TickAsync(default);

        var requeued = (await harness.Store.GetAsync(ticket.Id, default))!;
        Assert.Equal((HandoffTicketStatus.Queued, null, ticket.QueuedAt), (requeued.Status, requeued.AgentId, requeued.QueuedAt));
        // The host's own timer may have re-queued it first (the test moved its clock); its note follows the re-queue.
        await Eventually.UntilAsync(
            async () => (await harness.Store.GetNotesAsync(ticket.Id, default)).Any(n => n.AgentId == HandoffDesk.SystemAuthor && n.Text.Contains("alice did not answer", StringComparison.Ordinal)),
            "the re-queue note");
        Assert.True((await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Bob, default)).Succeeded);
    }

    [Fact]
    public async Task Reply_WhatsAppAfter24Hours_IsRefusedWithTheReason()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        await harness.Customer(ChannelProfiles.WhatsApp, new TestCustomer("wa", Phone: "+15550001111")).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);
        // Answered at once, so the customer is not left waiting: the host's own desk timer, on the same fake clock,
        // would otherwise re-queue the ticket (past ReplyTimeout) during the clock move, racing the reply below.
        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Looking into it.", default)).Succeeded);

        harness.Bot.Time.Advance(TimeSpan.FromHours(25));
        var result = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Sorry for the wait!", default);

        Assert.Equal(DeskOutcome.Undeliverable, result.Outcome);
        Assert.Contains("24-hour reply window closed", result.Message, StringComparison.Ordinal);
        var detail = await harness.Desk.GetAsync(ticket.Id, default);
        Assert.False(detail!.Reply.CanReply);
        Assert.False(detail.Packet.Channels[0].ReplyWindowOpen);
    }

    [Fact]
    public async Task Reply_SmsCustomerSentStop_IsRefusedAsOptedOut()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var customer = harness.Customer(ChannelProfiles.Sms, new TestCustomer("sms", Phone: "+15550002222"));
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);
        await customer.Send("STOP").RunAsync();

        var result = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Hello?", default);

        Assert.Equal(DeskOutcome.Undeliverable, result.Outcome);
        Assert.Contains("opted out", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_TelegramChatBlockedTheBot_RefusedWithTheReasonUntilTheCustomerWritesAgain()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var telegram = harness.Bot.Channel(ChannelId.Telegram);
        telegram.FailNext = m => m.Text == Texts.Queued ? ChannelSendException.RecipientUnreachable(Blocked, "403") : null;
        var customer = harness.Customer(ChannelProfiles.Telegram, new TestCustomer("tg-42"));
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await Eventually.UntilAsync(
            async () => (await harness.Desk.GetAsync(ticket.Id, default))!.Reply.ProblemKind == ReachProblemKind.Unreachable,
            "the blocked chat to be marked");
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);

        var refused = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Are you still there?", default);
        var detail = await harness.Desk.GetAsync(ticket.Id, default);

        Assert.Equal(DeskOutcome.Undeliverable, refused.Outcome);
        Assert.Contains(Blocked, refused.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached on telegram", refused.Message, StringComparison.Ordinal);
        Assert.False(detail!.Reply.CanReply);
        Assert.Equal(refused.Message, detail.Reply.Problem);

        // The first send took the chat's pacing slot: a second on, the next may go at once.
        harness.Bot.Time.Advance(TimeSpan.FromSeconds(1));
        await customer.Send("sorry, unblocked you").RunAsync();
        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Welcome back!", default)).Succeeded);
        await Eventually.UntilAsync(() => telegram.Sent.Any(m => m.Text == "Welcome back!"), "the agent's reply after the customer wrote again");
        Assert.True((await harness.Desk.GetAsync(ticket.Id, default))!.Reply.CanReply);
    }

    [Fact]
    public async Task Reply_SmsStopThenStart_RefusedThenDelivered()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var customer = harness.Customer(ChannelProfiles.Sms, new TestCustomer("sms", Phone: "+15550003333"));
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);

        await customer.Send("STOP").RunAsync();
        var refused = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Hello?", default);
        var optedOut = await harness.Desk.GetAsync(ticket.Id, default);
        await customer.Send("START").RunAsync();
        var delivered = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Thanks for coming back.", default);

        Assert.Equal(DeskOutcome.Undeliverable, refused.Outcome);
        Assert.Contains("they send START", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReachProblemKind.OptedOut, optedOut!.Reply.ProblemKind);
        Assert.True(optedOut.Packet.Channels[0].OptedOut);
        Assert.True(delivered.Succeeded);
        var sms = harness.Bot.Channel(ChannelId.Sms);
        await Eventually.UntilAsync(() => sms.Sent.Any(m => m.Text == "Thanks for coming back."), "the reply after START");
        Assert.DoesNotContain(sms.Sent, m => m.Text == "Hello?");
    }

    [Fact]
    public async Task Reply_CustomerMovedChannel_GoesToTheChannelTheyWroteOnLast()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var jane = new TestCustomer("jane", Phone: "+15551234567");
        await harness.Customer(ChannelProfiles.Sms, jane).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        await harness.Customer(ChannelProfiles.WhatsApp, jane).Send("moved to WhatsApp").ExpectReply(Texts.StillWaiting).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);

        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Found you on WhatsApp", default)).Succeeded);

        // WhatsApp's pacing (80 a second per number) puts the reply 1/80 s after the bot's message on the fake clock.
        harness.Bot.Time.Advance(TimeSpan.FromSeconds(1));
        var whatsApp = harness.Bot.Channel(ChannelId.WhatsApp);
        await Eventually.UntilAsync(() => whatsApp.Sent.Any(m => m.Text == "Found you on WhatsApp"), "the reply goes to WhatsApp");
        Assert.DoesNotContain(harness.Bot.Channel(ChannelId.Sms).Sent, m => m.Text == "Found you on WhatsApp");
        var detail = await harness.Desk.GetAsync(ticket.Id, default);
        Assert.Equal("whatsapp", detail!.Reply.Channel);
    }

    [Fact]
    public async Task NotesAndTransfer_AreCheckedAndRecorded()
    {
        await using var harness = await HandoffHarness.StartAsync("""
            version: 1
            queues: [general, billing]
            rules:
              - name: asks
                when: { asked_for_person: true }
                escalate: {}
            """, services: LongReplyTimeout);
        await harness.Customer().Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();

        Assert.Equal(DeskOutcome.Invalid, (await harness.Desk.AddNoteAsync(ticket.Id, HandoffHarness.Alice, "   ", default)).Outcome);
        Assert.Equal(DeskOutcome.Invalid, (await harness.Desk.AddNoteAsync(ticket.Id, HandoffHarness.Alice, new string('x', 4001), default)).Outcome);
        Assert.True((await harness.Desk.AddNoteAsync(ticket.Id, HandoffHarness.Alice, "Customer sounds in a hurry.", default)).Succeeded);
        Assert.Equal(DeskOutcome.Invalid, (await harness.Desk.TransferAsync(ticket.Id, HandoffHarness.Alice, "nowhere", default)).Outcome);
        Assert.Equal(DeskOutcome.NotFound, (await harness.Desk.ClaimAsync(999, HandoffHarness.Alice, default)).Outcome);
        Assert.Equal(DeskOutcome.Conflict, (await harness.Desk.ResolveAsync(ticket.Id, HandoffHarness.Alice, default)).Outcome);

        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);
        Assert.True((await harness.Desk.TransferAsync(ticket.Id, HandoffHarness.Alice, "Billing", default)).Succeeded);

        var moved = (await harness.Store.GetAsync(ticket.Id, default))!;
        Assert.Equal(("billing", HandoffTicketStatus.Queued, null), (moved.Queue, moved.Status, moved.AgentId));
        var notes = await harness.Store.GetNotesAsync(ticket.Id, default);
        Assert.Equal(["Customer sounds in a hurry.", "Transferred to the billing queue."], notes.Select(n => n.Text));
    }

    [Fact]
    public async Task ListOpen_QueuedByPriorityThenWaitingTime()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        await harness.Customer(customer: new TestCustomer("first", Email: "first@example.com")).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        harness.Bot.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.Customer(customer: new TestCustomer("angry", Email: "angry@example.com")).Send("This is ridiculous, your service is terrible and useless!!!").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        harness.Bot.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.Customer(customer: new TestCustomer("second", Email: "second@example.com")).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();

        var open = await harness.Desk.ListOpenAsync(default);

        // Web chat visitors with a signed email: the queue names them by it.
        Assert.Equal(["angry@example.com", "first@example.com", "second@example.com"], open.Select(t => t.Customer));
    }

    private static void LongReplyTimeout(IServiceCollection services) =>
        services.PostConfigure<AgentsOptions>(o => o.ReplyTimeout = TimeSpan.FromDays(1));
}
