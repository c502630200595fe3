using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>The outbound webhook's due list and attempts, and the ticket and conversation queries the desk reads.</summary>
public sealed class WebhookAndQueryTests
{
    [Fact]
    public async Task LoadWebhookDueAsync_NewTickets_DueOldestFirstUpToMax()
    {
        using var store = new StoreHarness();
        var first = await store.EscalateAsync(phone: "+15550100001");
        store.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await store.EscalateAsync(phone: "+15550100002");
        store.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await store.EscalateAsync(phone: "+15550100003");

        var due = await store.Handoffs.LoadWebhookDueAsync(store.Time.GetUtcNow(), 10, CancellationToken.None);
        var two = await store.Handoffs.LoadWebhookDueAsync(store.Time.GetUtcNow(), 2, CancellationToken.None);
        var before = await store.Handoffs.LoadWebhookDueAsync(StoreHarness.Start.AddMilliseconds(500), 10, CancellationToken.None);

        Assert.Equal([first.Id, second.Id, third.Id], due.Select(t => t.Id));
        Assert.Equal([first.Id, second.Id], two.Select(t => t.Id));
        Assert.Equal([first.Id], before.Select(t => t.Id));
    }

    [Fact]
    public async Task MarkWebhookAsync_RetryThenDelivered_DueAgainOnlyAtTheRetryTimeThenNeverAgain()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();
        var retryAt = store.Time.GetUtcNow().AddSeconds(30);

        await store.Handoffs.MarkWebhookAsync(ticket.Id, delivered: false, "HTTP 503", retryAt, CancellationToken.None);

        Assert.Empty(await store.Handoffs.LoadWebhookDueAsync(retryAt.AddMilliseconds(-1), 10, CancellationToken.None));
        Assert.Single(await store.Handoffs.LoadWebhookDueAsync(retryAt, 10, CancellationToken.None));
        Assert.Equal("HTTP 503", store.Scalar("SELECT webhook_error FROM handoff_requests WHERE id = @p1", ticket.Id));

        await store.Handoffs.MarkWebhookAsync(ticket.Id, delivered: true, null, null, CancellationToken.None);

        Assert.Empty(await store.Handoffs.LoadWebhookDueAsync(retryAt.AddDays(1), 10, CancellationToken.None));
        Assert.Equal("delivered", store.Scalar("SELECT webhook_status FROM handoff_requests WHERE id = @p1", ticket.Id));
        Assert.Equal(2L, store.Scalar("SELECT webhook_attempts FROM handoff_requests WHERE id = @p1", ticket.Id));
        Assert.Equal(DBNull.Value, store.Scalar("SELECT webhook_error FROM handoff_requests WHERE id = @p1", ticket.Id));
    }

    [Fact]
    public async Task MarkWebhookAsync_GivenUp_FailedWithTheErrorAndLaterMarksIgnored()
    {
        using var store = new StoreHarness();
        var ticket = await store.EscalateAsync();

        await store.Handoffs.MarkWebhookAsync(ticket.Id, delivered: false, "HTTP 400: bad signature", null, CancellationToken.None);
        await store.Handoffs.MarkWebhookAsync(ticket.Id, delivered: true, null, null, CancellationToken.None);

        Assert.Empty(await store.Handoffs.LoadWebhookDueAsync(store.Time.GetUtcNow().AddDays(1), 10, CancellationToken.None));
        Assert.Equal("failed", store.Scalar("SELECT webhook_status FROM handoff_requests WHERE id = @p1", ticket.Id));
        Assert.Equal("HTTP 400: bad signature", store.Scalar("SELECT webhook_error FROM handoff_requests WHERE id = @p1", ticket.Id));
        Assert.Equal(1L, store.Scalar("SELECT webhook_attempts FROM handoff_requests WHERE id = @p1", ticket.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Handoffs.MarkWebhookAsync(ticket.Id, delivered: true, null, store.Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task ListQueries_OpenAndClosedTickets_EachListHasItsOwn()
    {
        using var store = new StoreHarness();
        var queued = await store.EscalateAsync(phone: "+15550100001");
        var assigned = await store.EscalateAsync(phone: "+15550100002");
        var closedEarly = await store.EscalateAsync(phone: "+15550100003");
        var closedLate = await store.EscalateAsync(phone: "+15550100004");
        foreach (var ticket in new[] { assigned, closedEarly, closedLate })
        {
            await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
        }

        store.Time.Advance(TimeSpan.FromMinutes(1));
        await store.Handoffs.CloseAsync(closedEarly.Id, new HandoffClosing("alice", HandoffTicketStatus.Resolved, []), closedEarly.ConversationId, store.Time.GetUtcNow(), CancellationToken.None);
        store.Time.Advance(TimeSpan.FromMinutes(1));
        await store.Handoffs.CloseAsync(closedLate.Id, new HandoffClosing("alice", HandoffTicketStatus.ReturnedToBot, []), closedLate.ConversationId, store.Time.GetUtcNow(), CancellationToken.None);

        var open = await store.Handoffs.ListOpenAsync(CancellationToken.None);
        var closed = await store.Handoffs.ListClosedSinceAsync(StoreHarness.Start, CancellationToken.None);
        var recent = await store.Handoffs.ListClosedSinceAsync(StoreHarness.Start.AddMinutes(2), CancellationToken.None);

        Assert.Equal([queued.Id, assigned.Id], open.Select(t => t.Id).Order());
        Assert.Equal([closedLate.Id, closedEarly.Id], closed.Select(t => t.Id));
        Assert.Equal([closedLate.Id], recent.Select(t => t.Id));
        Assert.Equal(closedLate.Id, (await store.Handoffs.FindLatestForCustomerAsync(closedLate.CustomerId, CancellationToken.None))!.Id);
        Assert.Null(await store.Handoffs.FindLatestForCustomerAsync("cus_nobody", CancellationToken.None));
        Assert.Null(await store.Handoffs.GetAsync(404, CancellationToken.None));
    }

    [Fact]
    public async Task GetCustomerConversationsAsync_ThreeChannels_MostRecentInboundFirstWithLastTimesEachWay()
    {
        using var store = new StoreHarness();
        var sms = await store.ReceiveAsync("on sms", channel: ChannelId.Sms);
        await store.CommitAsync(sms);
        store.Time.Advance(TimeSpan.FromMinutes(1));
        var whatsApp = await store.ReceiveAsync("on whatsapp", channel: ChannelId.WhatsApp);
        await store.CommitAsync(whatsApp);
        store.Time.Advance(TimeSpan.FromMinutes(1));
        var webChat = await store.ReceiveAsync("on the web", channel: ChannelId.WebChat);
        store.Time.Advance(TimeSpan.FromMinutes(1));
        var smsAgain = await store.ReceiveAsync("sms again", channel: ChannelId.Sms);
        await store.CommitAsync(smsAgain);

        var conversations = await store.Handoffs.GetCustomerConversationsAsync(sms.CustomerId, CancellationToken.None);

        Assert.Equal([sms.ConversationId, whatsApp.ConversationId, webChat.ConversationId], conversations.Select(c => c.Conversation.Id));
        Assert.Equal(StoreHarness.Start.AddMinutes(3), conversations[0].LastInboundAt);
        Assert.Equal(StoreHarness.Start.AddMinutes(3), conversations[0].LastOutboundAt);
        Assert.Equal(StoreHarness.Start.AddMinutes(1), conversations[1].LastInboundAt);
        Assert.Null(conversations[2].LastInboundAt);
        Assert.Null(conversations[2].LastOutboundAt);
        Assert.Equal(ChannelId.WebChat, conversations[2].Conversation.Channel);
        Assert.All(conversations, c => Assert.Equal(sms.CustomerId, c.Conversation.CustomerId));
        Assert.Empty(await store.Handoffs.GetCustomerConversationsAsync("cus_nobody", CancellationToken.None));
    }
}
