using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>A turn's commit creates the ticket with the routing's queue, priority and rule; a customer has at most one open ticket.</summary>
public sealed class TicketCreationTests
{
    [Fact]
    public async Task Commit_WithHandoff_CreatesQueuedTicketWithRoutingAndQueuesTheConversation()
    {
        using var store = new StoreHarness();
        var entry = await store.ReceiveAsync("refund of 900 EUR now");
        var before = await store.ConversationAsync(entry);

        var result = await store.CommitAsync(entry, new HandoffRequest("Refund above 500 EUR.")
        {
            Queue = "billing",
            Priority = HandoffPriority.Urgent,
            Rule = "big-refund",
            RuleSource = "handoff-rules.yaml:12",
        });

        Assert.False(result.RepliesDropped);
        var ticket = Assert.Single(await store.Handoffs.ListOpenAsync(CancellationToken.None));
        Assert.Equal(entry.ConversationId, ticket.ConversationId);
        Assert.Equal(entry.CustomerId, ticket.CustomerId);
        Assert.Equal(ChannelId.Sms, ticket.Channel);
        Assert.Equal("billing", ticket.Queue);
        Assert.Equal(HandoffPriority.Urgent, ticket.Priority);
        Assert.Equal("Refund above 500 EUR.", ticket.Reason);
        Assert.Equal("big-refund", ticket.Rule);
        Assert.Equal("handoff-rules.yaml:12", ticket.RuleSource);
        Assert.Equal(HandoffTicketStatus.Queued, ticket.Status);
        Assert.Null(ticket.AgentId);
        Assert.Equal(entry.Sequence, ticket.InboxSequence);
        Assert.Equal(StoreHarness.Start, ticket.QueuedAt);
        Assert.Null(ticket.ClaimedAt);
        Assert.Null(ticket.ClosedAt);
        Assert.Equal(3L, store.Scalar("SELECT priority FROM handoff_requests WHERE id = @p1", ticket.Id));
        Assert.Equal("pending", store.Scalar("SELECT webhook_status FROM handoff_requests WHERE id = @p1", ticket.Id));

        var after = await store.ConversationAsync(entry);
        Assert.Equal(ConversationOwner.Queued, after.Owner);
        Assert.Equal(before.OwnerEpoch + 1, after.OwnerEpoch);
        Assert.Equal(ticket, await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Commit_HandoffWithoutQueue_UsesTheDefaultQueueAndNormalPriority()
    {
        using var store = new StoreHarness();

        var ticket = await store.EscalateAsync(handoff: new HandoffRequest("asked"));

        Assert.Equal(HandoffRequest.DefaultQueue, ticket.Queue);
        Assert.Equal(HandoffPriority.Normal, ticket.Priority);
        Assert.Null(ticket.Rule);
        Assert.Null(ticket.RuleSource);
    }

    [Fact]
    public async Task Commit_SecondHandoffOnAnotherChannelWhileQueued_NoSecondTicketAndTheConversationIsQueued()
    {
        using var store = new StoreHarness();
        var first = await store.EscalateAsync(handoff: new HandoffRequest("first") { Queue = "billing" });
        var whatsApp = await store.ReceiveAsync("hello? anyone?", channel: ChannelId.WhatsApp);
        Assert.Equal(first.CustomerId, whatsApp.CustomerId);
        var epoch = (await store.ConversationAsync(whatsApp)).OwnerEpoch;

        await store.CommitAsync(whatsApp, new HandoffRequest("second") { Queue = "sales", Priority = HandoffPriority.High });

        var open = Assert.Single(await store.Handoffs.ListOpenAsync(CancellationToken.None));
        Assert.Equal(first, open);
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM handoff_requests"));
        var conversation = await store.ConversationAsync(whatsApp);
        Assert.Equal(ConversationOwner.Queued, conversation.Owner);
        Assert.Equal(epoch + 1, conversation.OwnerEpoch);
    }

    [Fact]
    public async Task Commit_SecondHandoffWhileAssigned_NoSecondTicketAndTheConversationIsTheAgents()
    {
        using var store = new StoreHarness();
        var first = await store.EscalateAsync();
        Assert.True((await store.Handoffs.ClaimAsync(first.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None)).Claimed);
        var webChat = await store.ReceiveAsync("me again, on the web", channel: ChannelId.WebChat);

        await store.CommitAsync(webChat, new HandoffRequest("second"));

        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM handoff_requests"));
        Assert.Equal(ConversationOwner.Agent, (await store.ConversationAsync(webChat)).Owner);
    }

    [Fact]
    public async Task Commit_HandoffAfterTheLastTicketClosed_CreatesANewTicket()
    {
        using var store = new StoreHarness();
        var first = await store.EscalateAsync();
        await store.Handoffs.ClaimAsync(first.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        var closed = await store.Handoffs.CloseAsync(first.Id, new HandoffClosing("alice", HandoffTicketStatus.Resolved, []), first.ConversationId, store.Time.GetUtcNow(), CancellationToken.None);
        Assert.NotNull(closed);

        store.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await store.EscalateAsync();

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(HandoffTicketStatus.Queued, second.Status);
        Assert.Equal(StoreHarness.Start.AddMinutes(5), second.QueuedAt);
    }

    [Fact]
    public async Task Commit_HandoffWithRepliesDropped_CreatesNoTicket()
    {
        using var store = new StoreHarness();
        var entry = await store.ReceiveAsync("agent please");
        var epoch = (await store.ConversationAsync(entry)).OwnerEpoch;

        var result = await store.CommitAsync(entry, new HandoffRequest("asked"), expectedOwnerEpoch: epoch - 1);

        Assert.True(result.RepliesDropped);
        Assert.Empty(await store.Handoffs.ListOpenAsync(CancellationToken.None));
        Assert.Equal(ConversationOwner.Bot, (await store.ConversationAsync(entry)).Owner);
    }

    [Fact]
    public async Task Transcript_TurnWithInsights_ReturnsThemOnTheInboundRowOnly()
    {
        using var store = new StoreHarness();
        var insights = new TurnInsights
        {
            Sentiment = -0.75,
            Entities = [new PacketEntity("order_number", "A-12345", "a-12345") { At = StoreHarness.Start }],
            Intent = new PacketIntent("refund-policy", 0.81),
            Knowledge = new KnowledgeAttempt(false, 0.42, [new AnswerSource("refund-policy", "Refunds", 0.42)]),
            Dialog = new PacketDialogPosition("knowledge", "answer") { Stack = ["root", "knowledge"] },
            AskedForPerson = true,
        };
        var plain = await store.ReceiveAsync("hello");
        await store.CommitAsync(plain);
        var rich = await store.ReceiveAsync("where is order a-12345, this is awful");
        await store.CommitAsync(rich, insights: insights);

        var transcript = await store.Transcripts.GetByCustomerAsync(rich.CustomerId, CancellationToken.None);

        Assert.Equal(4, transcript.Count);
        Assert.Null(transcript[0].Insights);
        Assert.All(transcript.Where(e => e.Direction == MessageDirection.Outbound), e => Assert.Null(e.Insights));
        var stored = transcript[2].Insights;
        Assert.NotNull(stored);
        Assert.Equal(StoredJson.Serialize(insights), StoredJson.Serialize(stored));
        Assert.Equal(-0.75, stored.Sentiment);
        Assert.Equal("A-12345", Assert.Single(stored.Entities).Value);
        Assert.Equal("refund-policy", Assert.Single(stored.Knowledge!.Sources).ArticleId);
        Assert.Equal(["root", "knowledge"], stored.Dialog!.Stack);
        Assert.True(stored.AskedForPerson);
        Assert.Equal(stored.Sentiment, (await store.Transcripts.GetByConversationAsync(rich.ConversationId, CancellationToken.None))[2].Insights!.Sentiment);
    }
}
