using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Replies go through the outbox: transient failures are retried with backoff, permanent ones are not.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task Dispatch_TransientFailure_RetriedAfterBackoffAndDeliveredOnce()
    {
        await using var bot = await DeliveryBot.StartAsync();
        var sms = bot.Channel(ChannelId.Sms);
        var attempts = 0;
        sms.FailNext = _ => Interlocked.Increment(ref attempts) == 1
            ? new ChannelSendException("503 from the provider", isTransient: true)
            : null;
        var db = bot.DatabaseFile();

        await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("m1", "hello"), CancellationToken.None);
        await Eventually.UntilAsync(() => Rows.Count(db, "SELECT attempts FROM outbox") == 1, "the first send to fail");

        // The fake clock has not moved: the retry is not due yet.
        Assert.Empty(sms.Sent);
        Assert.Equal("pending", Rows.Scalar(db, "SELECT status FROM outbox"));
        Assert.Equal("503 from the provider", Rows.Scalar(db, "SELECT last_error FROM outbox"));
        Assert.Equal(
            (bot.Time.GetUtcNow() + new OutboxOptions().FirstRetryDelay).ToUnixTimeMilliseconds(),
            Rows.Count(db, "SELECT next_attempt_at FROM outbox"));

        await AdvanceUntilAsync(bot, () => Rows.Scalar(db, "SELECT status FROM outbox") as string == "sent", "the retry to be delivered");

        Assert.Equal(["#1 hello"], sms.Sent.Select(m => m.Text));
        Assert.Equal(2, attempts);
        Assert.Equal(2, Rows.Count(db, "SELECT attempts FROM outbox"));
        Assert.NotNull(Rows.Scalar(db, "SELECT provider_message_id FROM outbox"));
    }

    [Fact]
    public async Task Dispatch_TransientFailure_LaterRepliesOfTheConversationWaitBehindIt()
    {
        await using var bot = await DeliveryBot.StartAsync();
        var sms = bot.Channel(ChannelId.Sms);
        var attempts = 0;
        sms.FailNext = _ => Interlocked.Increment(ref attempts) == 1 ? new ChannelSendException("429", isTransient: true) : null;
        var db = bot.DatabaseFile();

        await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("m1", "first"), CancellationToken.None);
        await Eventually.UntilAsync(() => Rows.Count(db, "SELECT attempts FROM outbox WHERE message_id = 'out-1-1'") == 1, "the first send to fail");
        await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("m2", "second"), CancellationToken.None);
        Assert.Empty(sms.Sent);

        await AdvanceUntilAsync(bot, () => sms.Sent.Count == 2, "both replies to be delivered");

        Assert.Equal(["#1 first", "#2 second"], sms.Sent.Select(m => m.Text));
    }

    [Fact]
    public async Task Dispatch_PermanentFailure_MarkedFailedAndNotRetried()
    {
        await using var bot = await DeliveryBot.StartAsync();
        var sms = bot.Channel(ChannelId.Sms);
        var refused = 0;
        sms.FailNext = m =>
        {
            if (m.Text != "#1 hello")
            {
                return null;
            }

            Interlocked.Increment(ref refused);
            return new ChannelSendException("21610: the number opted out", isTransient: false);
        };
        var db = bot.DatabaseFile();

        await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("m1", "hello"), CancellationToken.None);
        await Eventually.UntilAsync(() => Rows.Scalar(db, "SELECT status FROM outbox WHERE message_id = 'out-1-1'") as string == "failed", "the send to be marked failed");

        // Give retries every chance: move well past every backoff, then send (and wait for) another reply.
        for (var i = 0; i < 20; i++)
        {
            bot.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("m2", "again"), CancellationToken.None);
        await Eventually.UntilAsync(() => sms.Sent.Count == 1, "the next reply to be delivered");

        Assert.Equal(1, refused);
        Assert.Equal(["#2 again"], sms.Sent.Select(m => m.Text));
        Assert.Equal("21610: the number opted out", Rows.Scalar(db, "SELECT last_error FROM outbox WHERE message_id = 'out-1-1'"));
        Assert.Equal(1, Rows.Count(db, "SELECT attempts FROM outbox WHERE message_id = 'out-1-1'"));
        Assert.Equal(1, Rows.Count(db, "SELECT COUNT(*) FROM outbox WHERE status = 'failed'"));
    }

    /// <summary>
    /// Moves the fake clock a second at a time (the first backoff and the poll interval) until the dispatcher has done
    /// <paramref name="description"/>; the dispatcher's timers start at moments the test cannot see, so one step may not be enough.
    /// </summary>
    private static Task AdvanceUntilAsync(TestBot bot, Func<bool> condition, string description) =>
        Eventually.UntilAsync(
            () =>
            {
                if (condition())
                {
                    return true;
                }

                bot.Time.Advance(TimeSpan.FromSeconds(1));
                return false;
            },
            description);
}
