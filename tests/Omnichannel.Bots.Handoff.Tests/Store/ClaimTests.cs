using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>Claims, re-queues and queue moves: conditional on the ticket's state, one winner, owner and epoch change with them.</summary>
public sealed class ClaimTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public async Task ClaimAsync_ConcurrentClaimsOnOneTicket_ExactlyOneWinsFiftyTimesOver(int agents)
    {
        using var store = new StoreHarness();
        for (var round = 0; round < 50; round++)
        {
            var ticket = await store.EscalateAsync(phone: "+1555020" + round.ToString("0000", System.Globalization.CultureInfo.InvariantCulture));
            var epoch = (await store.ConversationAsync(ticket.CustomerId, ticket.ConversationId)).OwnerEpoch;
            using var go = new ManualResetEventSlim();
            var claims = Enumerable.Range(0, agents)
                .Select(a => Task.Run(() =>
                {
                    go.Wait();
                    return store.Handoffs.ClaimAsync(ticket.Id, "agent-" + a, null, store.Time.GetUtcNow(), CancellationToken.None);
                }))
                .ToList();
            go.Set();
            var results = await Task.WhenAll(claims);

            var winner = Assert.Single(results, r => r.Claimed);
            Assert.Equal(HandoffTicketStatus.Assigned, winner.Ticket!.Status);
            Assert.All(results, r => Assert.Equal(winner.Ticket.AgentId, r.Ticket!.AgentId));
            Assert.All(results, r => Assert.Equal(HandoffTicketStatus.Assigned, r.Ticket!.Status));
            var stored = await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None);
            Assert.Equal(winner.Ticket.AgentId, stored!.AgentId);
            var conversation = await store.ConversationAsync(ticket.CustomerId, ticket.ConversationId);
            Assert.Equal(ConversationOwner.Agent, conversation.Owner);
            Assert.Equal(epoch + 1, conversation.OwnerEpoch);
        }
    }

    [Fact]
    public async Task ClaimAsync_QueuedTicket_AssignsItAndSetsClaimTime()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();
        store.Time.Advance(TimeSpan.FromMinutes(3));

        var result = await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);

        Assert.True(result.Claimed);
        Assert.Equal("alice", result.Ticket!.AgentId);
        Assert.Equal(StoreHarness.Start.AddMinutes(3), result.Ticket.ClaimedAt);
        Assert.Equal(StoreHarness.Start, result.Ticket.QueuedAt);
    }

    [Fact]
    public async Task ClaimAsync_ClosedTicket_NotClaimedAndTheConversationStaysWithTheBot()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();
        await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        await store.Handoffs.CloseAsync(ticket.Id, new HandoffClosing("alice", HandoffTicketStatus.ReturnedToBot, []), ticket.ConversationId, store.Time.GetUtcNow(), CancellationToken.None);
        var epoch = (await store.ConversationAsync(ticket.CustomerId, ticket.ConversationId)).OwnerEpoch;

        var result = await store.Handoffs.ClaimAsync(ticket.Id, "bob", null, store.Time.GetUtcNow(), CancellationToken.None);

        Assert.False(result.Claimed);
        Assert.Equal(HandoffTicketStatus.ReturnedToBot, result.Ticket!.Status);
        Assert.Equal("alice", result.Ticket.AgentId);
        var conversation = await store.ConversationAsync(ticket.CustomerId, ticket.ConversationId);
        Assert.Equal(ConversationOwner.Bot, conversation.Owner);
        Assert.Equal(epoch, conversation.OwnerEpoch);
    }

    [Fact]
    public async Task ClaimAsync_NoSuchTicket_NotClaimedWithoutTicket()
    {
        using var store = new StoreHarness();

        var result = await store.Handoffs.ClaimAsync(404, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);

        Assert.False(result.Claimed);
        Assert.Null(result.Ticket);
    }

    [Fact]
    public async Task ClaimAsync_CustomerQueuedOnTwoChannels_BothConversationsBecomeTheAgents()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();
        var whatsApp = await store.ReceiveAsync("still there?", channel: ChannelId.WhatsApp);
        await store.CommitAsync(whatsApp, new HandoffRequest("again"));

        await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(ConversationOwner.Agent, (await store.ConversationAsync(ticket.CustomerId, ticket.ConversationId)).Owner);
        Assert.Equal(ConversationOwner.Agent, (await store.ConversationAsync(whatsApp)).Owner);
    }

    [Fact]
    public async Task RequeueAsync_AssignedTicket_KeepsItsPlaceBumpsTheEpochAndDropsAReplyDraftedBefore()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();
        store.Time.Advance(TimeSpan.FromMinutes(2));
        await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        var inbound = await store.ReceiveAsync("hello agent?");
        var drafted = await store.ConversationAsync(inbound);
        store.Time.Advance(TimeSpan.FromMinutes(5));

        var requeued = await store.Handoffs.RequeueAsync(ticket.Id, "alice", "billing", store.Time.GetUtcNow(), CancellationToken.None);
        var late = await store.CommitAsync(inbound, expectedOwnerEpoch: drafted.OwnerEpoch);

        Assert.True(requeued);
        var stored = await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None);
        Assert.Equal(HandoffTicketStatus.Queued, stored!.Status);
        Assert.Equal("billing", stored.Queue);
        Assert.Equal(StoreHarness.Start, stored.QueuedAt);
        Assert.Null(stored.AgentId);
        Assert.Null(stored.ClaimedAt);
        var conversation = await store.ConversationAsync(inbound);
        Assert.Equal(ConversationOwner.Queued, conversation.Owner);
        Assert.Equal(drafted.OwnerEpoch + 1, conversation.OwnerEpoch);
        Assert.True(late.RepliesDropped);
        Assert.Empty(late.Outbox);
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM outbox WHERE inbox_seq = @p1 AND status = 'dropped'", inbound.Sequence));
        Assert.True((await store.Handoffs.ClaimAsync(ticket.Id, "bob", null, store.Time.GetUtcNow(), CancellationToken.None)).Claimed);
    }

    [Fact]
    public async Task RequeueAsync_AgentWhoNoLongerHasIt_FalseAndNothingChanges()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();
        await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        var before = await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None);
        var epoch = (await store.ConversationAsync(ticket.CustomerId, ticket.ConversationId)).OwnerEpoch;

        Assert.False(await store.Handoffs.RequeueAsync(ticket.Id, "bob", "general", store.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(before, await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None));
        Assert.Equal(epoch, (await store.ConversationAsync(ticket.CustomerId, ticket.ConversationId)).OwnerEpoch);
        Assert.False(await store.Handoffs.RequeueAsync(404, "alice", "general", store.Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task MoveQueuedAsync_QueuedTicketMovesAssignedDoesNot()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();

        Assert.True(await store.Handoffs.MoveQueuedAsync(ticket.Id, "vip", null, CancellationToken.None));
        Assert.Equal("vip", (await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None))!.Queue);
        await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        Assert.False(await store.Handoffs.MoveQueuedAsync(ticket.Id, "general", null, CancellationToken.None));
        Assert.Equal("vip", (await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None))!.Queue);
    }
}
