using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>
/// Merging two customers keeps every ticket (with its notes and rating) and the journey facts: the tickets move to the
/// customer that stays, and the one-open-ticket rule is kept by <see cref="Omnichannel.Bots.Handoff.Storage.Sqlite.SqliteHandoffCustomerMerge"/>.
/// </summary>
public sealed class CustomerMergeTests
{
    [Fact]
    public async Task Merge_BothHaveAnOpenTicket_TheAssignedOneStaysOpenTheOtherIsResolvedWithANote()
    {
        using var store = new StoreHarness();
        var older = await store.EscalateAsync(phone: "+15550100001");
        store.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await store.EscalateAsync(phone: "+15550100002");
        var claim = await store.Handoffs.ClaimAsync(newer.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        Assert.True(claim.Claimed);

        var result = await store.Links.LinkAsync(older.CustomerId, new IdentityClaim("phone:+15550100002", IdentityProvenance.Agent, ChannelId.Sms), CancellationToken.None);

        Assert.Equal(older.CustomerId, result.CustomerId);
        var kept = await store.Handoffs.GetAsync(newer.Id, CancellationToken.None);
        var closed = await store.Handoffs.GetAsync(older.Id, CancellationToken.None);
        Assert.Equal((HandoffTicketStatus.Assigned, older.CustomerId), (kept!.Status, kept.CustomerId));
        Assert.Equal((HandoffTicketStatus.Resolved, older.CustomerId, store.Time.GetUtcNow()), (closed!.Status, closed.CustomerId, closed.ClosedAt));
        var note = Assert.Single(await store.Handoffs.GetNotesAsync(newer.Id, CancellationToken.None));
        Assert.Contains($"#{older.Id}", note.Text, StringComparison.Ordinal);
        Assert.Equal([newer.Id], (await store.Handoffs.ListOpenAsync(CancellationToken.None)).Select(t => t.Id));
        Assert.All(
            await store.Handoffs.GetCustomerConversationsAsync(older.CustomerId, CancellationToken.None),
            c => Assert.Equal(ConversationOwner.Agent, c.Conversation.Owner));
    }

    [Fact]
    public async Task Unlink_ChannelKeyWithATicketOnItsConversation_TheTicketFollowsTheConversation()
    {
        using var store = new StoreHarness();
        var sms = await store.ReceiveAsync("hi", phone: "+15550100001");
        await store.CommitAsync(sms);
        var ticket = await store.EscalateAsync(phone: "+15550100001", channel: ChannelId.WhatsApp);
        Assert.Equal(sms.CustomerId, ticket.CustomerId);
        await store.Links.LinkAsync(sms.CustomerId, new IdentityClaim("whatsapp:+15550100001", IdentityProvenance.ChannelAddress, ChannelId.WhatsApp), CancellationToken.None);

        Assert.True(await store.Links.UnlinkAsync(sms.CustomerId, "whatsapp:+15550100001", "agent:alice", CancellationToken.None));

        var moved = await store.Handoffs.GetAsync(ticket.Id, CancellationToken.None);
        Assert.NotEqual(sms.CustomerId, moved!.CustomerId);
        Assert.Equal(moved.CustomerId, (await store.ConversationAsync(moved.CustomerId, ticket.ConversationId)).CustomerId);
        Assert.Equal(sms.CustomerId, (await store.ConversationAsync(sms)).CustomerId);
    }

    [Fact]
    public async Task Merge_NeitherAssigned_TheOlderTicketStaysOpen()
    {
        using var store = new StoreHarness();
        var first = await store.EscalateAsync(phone: "+15550100001");
        store.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await store.EscalateAsync(phone: "+15550100002");

        await store.Links.LinkAsync(second.CustomerId, new IdentityClaim("phone:+15550100001", IdentityProvenance.Agent, ChannelId.Sms), CancellationToken.None);

        Assert.Equal([first.Id], (await store.Handoffs.ListOpenAsync(CancellationToken.None)).Select(t => t.Id));
        Assert.Equal(HandoffTicketStatus.Resolved, (await store.Handoffs.GetAsync(second.Id, CancellationToken.None))!.Status);
        Assert.All(
            await store.Handoffs.GetCustomerConversationsAsync(first.CustomerId, CancellationToken.None),
            c => Assert.Equal(ConversationOwner.Queued, c.Conversation.Owner));
    }

    [Fact]
    public async Task Merge_ClosedRatedTicketWithNotes_NothingLost()
    {
        using var store = new StoreHarness();
        var older = await store.ReceiveAsync("hi", phone: "+15550100001");
        await store.CommitAsync(older);
        store.Time.Advance(TimeSpan.FromMinutes(1));
        var rated = await store.EscalateAsync(phone: "+15550100002");
        await store.Handoffs.ClaimAsync(rated.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        await store.Handoffs.AddNoteAsync(rated.Id, "alice", "prefers email", null, store.Time.GetUtcNow(), CancellationToken.None);
        var entry = await store.ReceiveAsync("thanks", phone: "+15550100002");
        await store.Handoffs.CloseAsync(rated.Id, new HandoffClosing("alice", HandoffTicketStatus.Resolved, []), rated.ConversationId, store.Time.GetUtcNow(), CancellationToken.None);
        await store.Handoffs.AskCsatAsync(rated.Id, rated.ConversationId, StoreHarness.Reply(entry, "How did we do?"), store.Time.GetUtcNow(), CancellationToken.None);
        await store.Handoffs.RecordCsatAsync(rated.Id, 4, store.Time.GetUtcNow(), CancellationToken.None);
        var messages = store.Count("SELECT COUNT(*) FROM messages");

        await store.Links.LinkAsync(older.CustomerId, new IdentityClaim("phone:+15550100002", IdentityProvenance.Agent, ChannelId.Sms), CancellationToken.None);

        var ticket = await store.Handoffs.GetAsync(rated.Id, CancellationToken.None);
        Assert.Equal((older.CustomerId, 4, HandoffTicketStatus.Resolved), (ticket!.CustomerId, ticket.CsatScore, ticket.Status));
        Assert.Equal(["prefers email"], (await store.Handoffs.GetNotesAsync(rated.Id, CancellationToken.None)).Select(n => n.Text));
        Assert.Equal(messages, store.Count("SELECT COUNT(*) FROM messages WHERE customer_id = @p1", older.CustomerId));
        Assert.Equal([rated.Id], (await store.Handoffs.ListForCustomerSinceAsync(older.CustomerId, StoreHarness.Start, CancellationToken.None)).Select(t => t.Id));
    }

    [Fact]
    public async Task Merge_BothHaveJourneyFacts_TheOneWithTheLatestMessageStays()
    {
        using var store = new StoreHarness();
        var older = await store.ReceiveAsync("first", phone: "+15550100001");
        await store.CommitAsync(older);
        store.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await store.ReceiveAsync("second", phone: "+15550100002");
        await store.CommitAsync(newer);

        await store.Links.LinkAsync(older.CustomerId, new IdentityClaim("phone:+15550100002", IdentityProvenance.Agent, ChannelId.Sms), CancellationToken.None);

        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM journeys"));
        Assert.Equal(store.Time.GetUtcNow().ToUnixTimeMilliseconds(), store.Count("SELECT last_message_at FROM journeys WHERE customer_id = @p1", older.CustomerId));
    }
}
