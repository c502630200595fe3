using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// The outbox keeps to the channel profile's pacing on the fake clock: a burst to one Telegram chat goes one a second
/// in order, many chats of one bot account share 30 a second, and an unpaced channel is not slowed at all. The clock
/// is moved only once every send due by then has happened, so each send's time is exactly the slot it was given.
/// </summary>
public sealed class OutboxPacingTests
{
    [Fact]
    public async Task Pacing_BurstOfTwentyToOneTelegramChat_OneASecondInOrderNoneDropped()
    {
        await using var bot = await BurstBot.StartAsync();
        var sends = bot.RecordSendTimes(bot.Channel(ChannelId.Telegram));
        var start = bot.Time.GetUtcNow();

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "burst 20", ChannelId.Telegram, "chat-1"), CancellationToken.None);
        for (var second = 0; second < 20; second++)
        {
            if (second > 0)
            {
                bot.Time.Advance(TimeSpan.FromSeconds(1));
            }

            await Eventually.UntilAsync(() => sends.Count >= second + 1, $"send {second + 1} at +{second} s", () => $"{sends.Count} sent");
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{i}/20"), sends.Select(s => s.Text));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => start.AddSeconds(i)), sends.Select(s => s.At));
        await Eventually.UntilAsync(() => bot.OutboxRows().All(r => (string?)r[1] == "sent"), "every row to be marked sent");
        Assert.Equal(20, bot.OutboxRows().Count);
    }

    [Fact]
    public async Task Pacing_SixtyChatsOfOneTelegramAccount_NeverMoreThanThirtyInAnySecond()
    {
        await using var bot = await BurstBot.StartAsync();
        var sends = bot.RecordSendTimes(bot.Channel(ChannelId.Telegram));
        var slot = ChannelProfiles.Telegram.Pacing.PerAccount!.Interval;
        var start = bot.Time.GetUtcNow();

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m" + i, "hello", ChannelId.Telegram, "chat-" + i), CancellationToken.None)));
        await Eventually.UntilAsync(() => !sends.IsEmpty, "the first send");
        for (var step = 1; step < 60; step++)
        {
            bot.Time.Advance(slot);
            await Eventually.UntilAsync(() => sends.Count >= step + 1, $"send {step + 1} at +{step} slots", () => $"{sends.Count} sent");
        }

        Assert.Equal(60, sends.Count);
        Assert.Equal(60, sends.Select(s => s.Chat).Distinct().Count());
        var times = sends.Select(s => s.At).ToList();
        Assert.Equal(times.Order(), times);
        for (var i = 0; i + 30 < times.Count; i++)
        {
            Assert.True(times[i + 30] - times[i] >= TimeSpan.FromSeconds(1), $"sends {i + 1} to {i + 31} fell within one second ({times[i]:O} .. {times[i + 30]:O})");
        }

        Assert.Equal(30, times.Count(t => t < start.AddSeconds(1)));
    }

    [Fact]
    public async Task Pacing_UnpacedSms_BurstOfTwentySentWithoutTheClockMoving()
    {
        await using var bot = await BurstBot.StartAsync();
        var sends = bot.RecordSendTimes(bot.Channel(ChannelId.Sms));
        var start = bot.Time.GetUtcNow();

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "burst 20", ChannelId.Sms, "+15550100001"), CancellationToken.None);
        await Eventually.UntilAsync(() => sends.Count == 20, "all twenty sends", () => $"{sends.Count} sent");

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{i}/20"), sends.Select(s => s.Text));
        Assert.All(sends, s => Assert.Equal(start, s.At));
    }
}
