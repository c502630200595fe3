using Omnichannel.Bots.Testing;
using System.Globalization;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Turns of one customer run one at a time in inbox order, whichever channel each message came on.</summary>
public sealed class CustomerOrderingTests
{
    private const int Messages = 40;
    private const string Phone = "+15550100077";

    [Fact]
    public async Task SubmitAsync_OneCustomerWritingOnTwoChannelsAtOnce_OneTurnAtATimeInInboxOrder()
    {
        var probe = new TurnProbe();
        var recorder = new TurnRecorder();
        await using var bot = await DeliveryBot.StartAsync(probe, recorder);

        // Both chats exist and belong to the one customer their phone number links (SMS From and WhatsApp sender).
        await bot.Inbox().SubmitAndWaitAsync(OnChannel(ChannelId.Sms, "first sms", "hello on sms"), CancellationToken.None);
        await bot.Inbox().SubmitAndWaitAsync(OnChannel(ChannelId.WhatsApp, "first wa", "hello on whatsapp"), CancellationToken.None);
        var texts = Enumerable.Range(1, Messages)
            .Select(i => (Channel: i % 2 == 0 ? ChannelId.Sms : ChannelId.WhatsApp, Text: "message " + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        var receipts = await Task.WhenAll(texts.Select(t => Task.Run(() =>
            bot.Inbox().SubmitAsync(OnChannel(t.Channel, "id-" + t.Text, t.Text), CancellationToken.None))));
        await Eventually.UntilAsync(() => recorder.Committed.Count >= Messages + 2, $"{Messages + 2} turns to commit", () => string.Join("\n", probe.Replies));

        Assert.All(receipts, r => Assert.False(r.IsDuplicate));
        var inInboxOrder = texts.Zip(receipts).OrderBy(p => p.Second.Sequence).Select(p => p.First.Text).ToList();
        var expected = new[] { "hello on sms", "hello on whatsapp" }.Concat(inInboxOrder)
            .Select((text, i) => $"#{(i + 1).ToString(CultureInfo.InvariantCulture)} {text}")
            .ToList();
        Assert.Equal(expected, probe.Replies);
        Assert.Equal(1, probe.MaxInside);
        Assert.Equal(recorder.Committed.Select(o => o.Sequence).Order(), recorder.Committed.Select(o => o.Sequence));
        Assert.Equal(2, texts.Select(t => t.Channel).Distinct().Count());
    }

    [Fact]
    public async Task SubmitAsync_TwoCustomersOnTwoChannels_RunInParallel()
    {
        var probe = new TurnProbe { OverlapToWaitFor = 2 };
        var recorder = new TurnRecorder();
        await using var bot = await DeliveryBot.StartAsync(probe, recorder);

        // Each turn waits until the other one is inside: only lanes per customer (not one lane for all) let both finish.
        await Task.WhenAll(
            bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("a", "from a", ChannelId.Sms, conversation: "+15550100001", phone: "+15550100001"), CancellationToken.None),
            bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("b", "from b", ChannelId.WhatsApp, conversation: "+15550100002", phone: "+15550100002"), CancellationToken.None));

        Assert.Equal(2, probe.MaxInside);
        Assert.Equal(2, recorder.Committed.Count);
    }

    private static BotMessage OnChannel(ChannelId channel, string id, string text) =>
        DeliveryBot.Message(id, text, channel, conversation: Phone, phone: Phone);
}
