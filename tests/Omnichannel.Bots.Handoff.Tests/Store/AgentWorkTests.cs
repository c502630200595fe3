using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>What an agent does with a claimed ticket: messages, notes, closing it, and the customer's rating.</summary>
public sealed class AgentWorkTests
{
    private static readonly Participant Alice = new("alice", "Alice");

    [Fact]
    public async Task AddAgentMessageAsync_TheOwner_WritesTranscriptAndOutboxAndTheReplyTime()
    {
        using var store = new StoreHarness();
        var (ticket, entry) = await ClaimedAsync(store);
        store.Time.Advance(TimeSpan.FromSeconds(40));
        var message = StoreHarness.Reply(entry, "Hi, I am Alice. Let me look at order A-12345.", Alice);

        var queued = await store.Handoffs.AddAgentMessageAsync(ticket.Id, "alice", ticket.ConversationId, message, store.Time.GetUtcNow(), CancellationToken.None);

        Assert.NotNull(queued);
        Assert.Equal(ticket.ConversationId, queued.ConversationId);
        Assert.Equal(message, queued.Message);
        var due = Assert.Single(await store.Outbox.LoadDueAsync(10, CancellationToken.None), o => o.Id == queued.Id);
        Assert.Equal(Alice, due.Message.Sender);
        var last = (await store.Transcripts.GetByConversationAsync(ticket.ConversationId, CancellationToken.None))[^1];
        Assert.Equal(MessageDirection.Outbound, last.Direction);
        Assert.Equal(Alice, last.Message.Sender);
        Assert.Equal(message.Text, last.Message.Text);
        Assert.Equal(store.Time.GetUtcNow(), (await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None))!.LastAgentReplyAt);
        var conversation = Assert.Single(await store.Handoffs.GetCustomerConversationsAsync(ticket.CustomerId, CancellationToken.None));
        Assert.Equal(store.Time.GetUtcNow(), conversation.LastOutboundAt);
    }

    [Fact]
    public async Task AddAgentMessageAsync_AnotherAgentOrAQueuedTicket_NullAndNothingWritten()
    {
        using var store = new StoreHarness();
        var queuedTicket = await store.EscalateAsync(phone: "+15550100002");
        var (ticket, entry) = await ClaimedAsync(store);
        var rows = store.Count("SELECT COUNT(*) FROM messages");

        Assert.Null(await store.Handoffs.AddAgentMessageAsync(ticket.Id, "bob", ticket.ConversationId, StoreHarness.Reply(entry, "me too"), store.Time.GetUtcNow(), CancellationToken.None));
        Assert.Null(await store.Handoffs.AddAgentMessageAsync(queuedTicket.Id, "alice", queuedTicket.ConversationId, StoreHarness.Reply(entry, "early"), store.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(rows, store.Count("SELECT COUNT(*) FROM messages"));
        Assert.Equal(0, store.Count("SELECT COUNT(*) FROM outbox WHERE inbox_seq = 0"));
        Assert.Null((await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None))!.LastAgentReplyAt);
    }

    [Fact]
    public async Task AddAgentMessageAsync_ConversationOfAnotherCustomer_ThrowsAndWritesNothing()
    {
        using var store = new StoreHarness();
        var stranger = await store.ReceiveAsync("hi", phone: "+15550100999");
        var (ticket, _) = await ClaimedAsync(store);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Handoffs.AddAgentMessageAsync(
            ticket.Id, "alice", stranger.ConversationId, StoreHarness.Reply(stranger, "wrong person"), store.Time.GetUtcNow(), CancellationToken.None));

        Assert.Contains("another customer", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Count("SELECT COUNT(*) FROM outbox WHERE inbox_seq = 0"));
        Assert.Null((await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None))!.LastAgentReplyAt);
    }

    [Fact]
    public async Task AddAgentMessageAsync_MessageAddressedElsewhereOrIdReused_Throws()
    {
        using var store = new StoreHarness();
        var (ticket, entry) = await ClaimedAsync(store);
        var message = StoreHarness.Reply(entry, "first");
        await store.Handoffs.AddAgentMessageAsync(ticket.Id, "alice", ticket.ConversationId, message, store.Time.GetUtcNow(), CancellationToken.None);

        var reused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Handoffs.AddAgentMessageAsync(
            ticket.Id, "alice", ticket.ConversationId, message with { Text = "second" }, store.Time.GetUtcNow(), CancellationToken.None));
        var misaddressed = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Handoffs.AddAgentMessageAsync(
            ticket.Id, "alice", ticket.ConversationId, StoreHarness.Reply(entry, "x") with { Channel = ChannelId.WhatsApp }, store.Time.GetUtcNow(), CancellationToken.None));

        Assert.Contains("already queued", reused.Message, StringComparison.Ordinal);
        Assert.Contains("is addressed to", misaddressed.Message, StringComparison.Ordinal);
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM outbox WHERE inbox_seq = 0"));
    }

    [Fact]
    public async Task AddNoteAsync_AnyAgentOnAnExistingTicket_StoredInOrder()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();

        var first = await store.Handoffs.AddNoteAsync(ticket.Id, "alice", "VIP, be quick", null, store.Time.GetUtcNow(), CancellationToken.None);
        store.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await store.Handoffs.AddNoteAsync(ticket.Id, "bob", "refund approved", null, store.Time.GetUtcNow(), CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal([first, second], await store.Handoffs.GetNotesAsync(ticket.Id, CancellationToken.None));
        Assert.Null(await store.Handoffs.AddNoteAsync(404, "alice", "lost", null, store.Time.GetUtcNow(), CancellationToken.None));
        Assert.Empty(await store.Handoffs.GetNotesAsync(404, CancellationToken.None));
    }

    [Fact]
    public async Task CloseAsync_TheOwner_EveryConversationBackToTheBotAndClosingMessagesQueued()
    {
        using var store = new StoreHarness();
        var (ticket, _) = await ClaimedAsync(store);
        var webChat = await store.ReceiveAsync("on the web now", channel: ChannelId.WebChat);
        await store.CommitAsync(webChat, new HandoffRequest("again"));
        var epochs = await EpochsAsync(store, ticket.CustomerId);
        store.Time.Advance(TimeSpan.FromMinutes(10));
        var messages = new[] { StoreHarness.Reply(webChat, "You are talking to the bot again."), StoreHarness.Reply(webChat, "How did we do, 1-5?") };

        var queued = await store.Handoffs.CloseAsync(
            ticket.Id, new HandoffClosing("alice", HandoffTicketStatus.ReturnedToBot, messages) { AsksForCsat = true }, webChat.ConversationId, store.Time.GetUtcNow(), CancellationToken.None);

        Assert.NotNull(queued);
        Assert.Equal(messages, queued.Select(o => o.Message));
        Assert.All(queued, o => Assert.Equal(webChat.ConversationId, o.ConversationId));
        var due = await store.Outbox.LoadDueAsync(10, CancellationToken.None);
        Assert.Equal(queued.Select(o => o.Id), due.Where(o => o.ConversationId == webChat.ConversationId).Select(o => o.Id).TakeLast(2));
        var transcript = await store.Transcripts.GetByConversationAsync(webChat.ConversationId, CancellationToken.None);
        Assert.Equal(messages.Select(m => m.Text), transcript.TakeLast(2).Select(e => e.Message.Text));
        var closed = await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None);
        Assert.Equal(HandoffTicketStatus.ReturnedToBot, closed!.Status);
        Assert.Equal("alice", closed.AgentId);
        Assert.Equal(store.Time.GetUtcNow(), closed.ClosedAt);
        Assert.Equal(store.Time.GetUtcNow(), closed.CsatRequestedAt);
        Assert.Empty(await store.Handoffs.ListOpenAsync(CancellationToken.None));
        foreach (var conversation in await store.Handoffs.GetCustomerConversationsAsync(ticket.CustomerId, CancellationToken.None))
        {
            Assert.Equal(ConversationOwner.Bot, conversation.Conversation.Owner);
            Assert.Equal(epochs[conversation.Conversation.Id] + 1, conversation.Conversation.OwnerEpoch);
        }
    }

    [Fact]
    public async Task CloseAsync_AnotherAgentOrTwice_NullAndTheFirstCloseStands()
    {
        using var store = new StoreHarness();
        var (ticket, entry) = await ClaimedAsync(store);

        Assert.Null(await store.Handoffs.CloseAsync(ticket.Id, new HandoffClosing("bob", HandoffTicketStatus.Resolved, []), ticket.ConversationId, store.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(ConversationOwner.Agent, (await store.ConversationAsync(entry)).Owner);
        Assert.NotNull(await store.Handoffs.CloseAsync(ticket.Id, new HandoffClosing("alice", HandoffTicketStatus.Resolved, []), ticket.ConversationId, store.Time.GetUtcNow(), CancellationToken.None));
        Assert.Null(await store.Handoffs.CloseAsync(ticket.Id, new HandoffClosing("alice", HandoffTicketStatus.ReturnedToBot, [StoreHarness.Reply(entry, "again")]), ticket.ConversationId, store.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(HandoffTicketStatus.Resolved, (await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None))!.Status);
        Assert.Equal(0, store.Count("SELECT COUNT(*) FROM outbox WHERE inbox_seq = 0"));
    }

    [Fact]
    public async Task CloseAsync_OpenStatus_ThrowsArgumentOutOfRange()
    {
        using var store = new StoreHarness();
        var (ticket, _) = await ClaimedAsync(store);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Handoffs.CloseAsync(
            ticket.Id, new HandoffClosing("alice", HandoffTicketStatus.Queued, []), ticket.ConversationId, store.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(HandoffTicketStatus.Assigned, (await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AskCsatAsync_ClosedTicket_AskedOnceAndRatedOnce()
    {
        using var store = new StoreHarness();
        var (ticket, entry) = await ClaimedAsync(store);
        Assert.Null(await store.Handoffs.AskCsatAsync(ticket.Id, ticket.ConversationId, StoreHarness.Reply(entry, "rate us"), store.Time.GetUtcNow(), CancellationToken.None));
        Assert.False(await store.Handoffs.RecordCsatAsync(ticket.Id, 5, store.Time.GetUtcNow(), CancellationToken.None));
        await store.Handoffs.CloseAsync(ticket.Id, new HandoffClosing("alice", HandoffTicketStatus.Resolved, []), ticket.ConversationId, store.Time.GetUtcNow(), CancellationToken.None);
        store.Time.Advance(TimeSpan.FromMinutes(30));

        var asked = await store.Handoffs.AskCsatAsync(ticket.Id, ticket.ConversationId, StoreHarness.Reply(entry, "How did we do, 1-5?"), store.Time.GetUtcNow(), CancellationToken.None);
        var askedAgain = await store.Handoffs.AskCsatAsync(ticket.Id, ticket.ConversationId, StoreHarness.Reply(entry, "How did we do?"), store.Time.GetUtcNow(), CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Handoffs.RecordCsatAsync(ticket.Id, 6, store.Time.GetUtcNow(), CancellationToken.None));
        var rated = await store.Handoffs.RecordCsatAsync(ticket.Id, 4, store.Time.GetUtcNow(), CancellationToken.None);
        var ratedAgain = await store.Handoffs.RecordCsatAsync(ticket.Id, 1, store.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal("How did we do, 1-5?", Assert.Single(asked!).Message.Text);
        Assert.Null(askedAgain);
        Assert.True(rated);
        Assert.False(ratedAgain);
        var stored = await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None);
        Assert.Equal(4, stored!.CsatScore);
        Assert.Equal(store.Time.GetUtcNow(), stored.CsatRequestedAt);
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM outbox WHERE inbox_seq = 0"));
    }

    private static async Task<(HandoffTicket Ticket, InboxEntry Entry)> ClaimedAsync(StoreHarness store)
    {
        var entry = await store.ReceiveAsync("I want a person");
        await store.CommitAsync(entry, new HandoffRequest("asked"));
        var ticket = (await store.Handoffs.FindLatestForCustomerAsync(entry.CustomerId, CancellationToken.None))!;
        var claim = await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        Assert.True(claim.Claimed);
        return (claim.Ticket!, entry);
    }

    private static async Task<Dictionary<string, long>> EpochsAsync(StoreHarness store, string customerId) =>
        (await store.Handoffs.GetCustomerConversationsAsync(customerId, CancellationToken.None)).ToDictionary(c => c.Conversation.Id, c => c.Conversation.OwnerEpoch);
}
