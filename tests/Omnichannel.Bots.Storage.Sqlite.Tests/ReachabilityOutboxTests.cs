using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// The outbox asks the reachability policy before every attempt: a reply held past the channel's reply window, to a
/// customer who opted out, or to a chat that blocked the bot is marked failed with the reason and never sent; the
/// customer writing again (or opting in) lets the next reply through.
/// </summary>
public sealed class ReachabilityOutboxTests
{
    private const string Blocked = "Forbidden: bot was blocked by the user";

    [Fact]
    public async Task Send_WhatsAppRetryDuePastTheReplyWindow_RefusedWithTheReasonOnTheRow()
    {
        await using var bot = await BurstBot.StartAsync();
        var whatsApp = bot.Channel(ChannelId.WhatsApp);
        whatsApp.FailNext = _ => new ChannelSendException("429: try again tomorrow", isTransient: true, retryAfter: TimeSpan.FromHours(25));

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "hello", ChannelId.WhatsApp, "+15550100001"), CancellationToken.None);
        await Eventually.UntilAsync(() => (long)bot.OutboxRows().Single()[2]! == 1, "the first attempt to fail");
        whatsApp.FailNext = null;
        bot.Time.Advance(TimeSpan.FromHours(25));
        await bot.AdvanceUntilAsync(() => (string?)bot.OutboxRows().Single()[1] == "failed", "the retry to be refused");

        Assert.Empty(whatsApp.Sent);
        var error = (string)bot.OutboxRows().Single()[3]!;
        Assert.StartsWith("whatsapp's 24-hour reply window closed at 2026-03-19 10:00 UTC", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SmsCustomerSentStop_PendingReplyRefusedUntilStart()
    {
        await using var bot = await BurstBot.StartAsync();
        var sms = bot.Channel(ChannelId.Sms);
        var attempts = 0;
        sms.FailNext = _ => Interlocked.Increment(ref attempts) == 1 ? new ChannelSendException("503 from the provider", isTransient: true) : null;
        const string chat = "+15550100002";

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "hello", ChannelId.Sms, chat), CancellationToken.None);
        await Eventually.UntilAsync(() => attempts == 1, "the first attempt to fail");
        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m2", "Stop.", ChannelId.Sms, chat), CancellationToken.None);
        await bot.AdvanceUntilAsync(() => (string?)bot.OutboxRows().Single()[1] == "failed", "the retry to be refused");

        Assert.Empty(sms.Sent);
        Assert.Equal(1, attempts);
        Assert.Contains("opted out of messages on sms (they sent STOP)", (string)bot.OutboxRows().Single()[3]!, StringComparison.Ordinal);

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m3", "START", ChannelId.Sms, chat), CancellationToken.None);
        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m4", "back again", ChannelId.Sms, chat), CancellationToken.None);
        await Eventually.UntilAsync(() => sms.Sent.Count == 1, "the reply after START");

        Assert.Equal("echo: back again", sms.Sent.Single().Text);
    }

    [Fact]
    public async Task Send_TelegramChatBlockedTheBot_RowFailedNotRetriedLaterRowsRefusedUntilTheCustomerWrites()
    {
        await using var bot = await BurstBot.StartAsync();
        var telegram = bot.Channel(ChannelId.Telegram);
        var attempts = 0;
        telegram.FailNext = m =>
        {
            Interlocked.Increment(ref attempts);
            return m.Text == "1/3" ? ChannelSendException.RecipientUnreachable(Blocked, "403") : null;
        };
        var blockedAt = bot.Time.GetUtcNow();

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "burst 3", ChannelId.Telegram, "chat-1"), CancellationToken.None);
        await Eventually.UntilAsync(() => bot.OutboxRows().All(r => (string?)r[1] == "failed"), "every row of the burst to fail");

        var rows = bot.OutboxRows();
        var reason = $"The customer cannot be reached on telegram since {blockedAt:yyyy-MM-dd HH:mm} UTC: {Blocked} (provider code 403). Nothing is sent there until the customer writes again.";
        Assert.All(rows, r => Assert.Equal(reason, r[3]));
        Assert.Equal([1L, 1L, 1L], rows.Select(r => (long)r[2]!));
        Assert.Equal(
            [Blocked, "403", blockedAt.ToUnixTimeMilliseconds()],
            Rows.Query(bot.DatabaseFile(), "SELECT unreachable_reason, unreachable_code, unreachable_at FROM conversation_reach").Single());

        // Never retried, however long we wait.
        for (var i = 0; i < 10; i++)
        {
            bot.Time.Advance(TimeSpan.FromMinutes(10));
        }

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m2", "hi", ChannelId.Sms, "+15550100003"), CancellationToken.None);
        await Eventually.UntilAsync(() => bot.Channel(ChannelId.Sms).Sent.Count == 1, "a reply on another channel, after the dispatcher swept again");
        Assert.Equal(1, attempts);

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m3", "unblocked you", ChannelId.Telegram, "chat-1"), CancellationToken.None);
        await bot.AdvanceUntilAsync(() => telegram.Sent.Count == 1, "the reply after the customer wrote again");

        Assert.Equal("echo: unblocked you", telegram.Sent.Single().Text);
        Assert.Equal(2, attempts);
    }
}
