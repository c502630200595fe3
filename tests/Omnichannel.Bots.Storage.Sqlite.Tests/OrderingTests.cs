using Omnichannel.Bots.Testing;
using System.Globalization;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Turns of one conversation run one at a time, in inbox order.</summary>
public sealed class OrderingTests
{
    private const int Messages = 50;

    [Fact]
    public async Task SubmitAsync_ManyConcurrentMessagesToOneConversation_OneTurnAtATimeInInboxOrder()
    {
        var probe = new TurnProbe();
        var recorder = new TurnRecorder();
        await using var bot = await DeliveryBot.StartAsync(probe, recorder);
        var texts = Enumerable.Range(1, Messages).Select(i => "message " + i.ToString(CultureInfo.InvariantCulture)).ToList();

        var receipts = await Task.WhenAll(texts.Select(text => Task.Run(() =>
            bot.Inbox().SubmitAsync(DeliveryBot.Message("id-" + text, text), CancellationToken.None))));
        await Eventually.UntilAsync(() => recorder.Committed.Count >= Messages, $"{Messages} turns to commit", () => string.Join("\n", probe.Replies));

        Assert.All(receipts, r => Assert.False(r.IsDuplicate));
        Assert.Equal(Messages, receipts.Select(r => r.Sequence).Distinct().Count());
        var inInboxOrder = texts.Zip(receipts).OrderBy(p => p.Second.Sequence).Select(p => p.First).ToList();
        var expected = inInboxOrder.Select((text, i) => $"#{(i + 1).ToString(CultureInfo.InvariantCulture)} {text}").ToList();
        Assert.Equal(expected, probe.Replies);
        Assert.Equal(1, probe.MaxInside);
        Assert.Equal([(long)Messages], Rows.Counts(bot.DatabaseFile()));
        Assert.Equal(
            receipts.Select(r => r.Sequence).Order(),
            recorder.Committed.Select(o => o.Sequence));
        await Eventually.UntilAsync(() => bot.Channel(ChannelId.Sms).Sent.Count >= Messages, $"{Messages} replies to be sent");
        Assert.Equal(expected, bot.Channel(ChannelId.Sms).Sent.Select(m => m.Text));
    }
}
