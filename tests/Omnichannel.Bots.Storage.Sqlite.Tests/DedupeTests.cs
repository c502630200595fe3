using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Inbound messages are deduplicated on (channel, account, provider message id), also across a restart.</summary>
public sealed class DedupeTests
{
    [Fact]
    public async Task SubmitAsync_SameProviderIdTwice_OneTurnOneTranscriptRowOneSetOfReplies()
    {
        var recorder = new TurnRecorder();
        await using var bot = await DeliveryBot.StartAsync(recorder: recorder);
        var message = DeliveryBot.Message("SM001", "hello");

        var first = await bot.Inbox().SubmitAndWaitAsync(message, CancellationToken.None);
        var second = await bot.Inbox().SubmitAndWaitAsync(message, CancellationToken.None);
        var third = await bot.Inbox().SubmitAsync(message with { Text = "a redelivery may differ" }, CancellationToken.None);

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.True(third.IsDuplicate);
        await Eventually.UntilAsync(() => bot.Channel(ChannelId.Sms).Sent.Count >= 1, "the reply to be sent");
        var db = bot.DatabaseFile();
        Assert.Equal(1, Rows.Count(db, "SELECT COUNT(*) FROM inbox"));
        Assert.Equal(1, Rows.Count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'in'"));
        Assert.Equal(1, Rows.Count(db, "SELECT COUNT(*) FROM outbox"));
        Assert.Single(recorder.Committed);
        Assert.Equal(["#1 hello"], bot.Channel(ChannelId.Sms).Sent.Select(m => m.Text));
        Assert.Equal([1L], Rows.Counts(db));
    }

    [Fact]
    public async Task SubmitAsync_SameProviderIdOnAnotherChannelOrAccount_RunsEachTurn()
    {
        var recorder = new TurnRecorder();
        await using var bot = await DeliveryBot.StartAsync(recorder: recorder);

        var sms = await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("id-1", "on sms"), CancellationToken.None);
        var whatsApp = await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("id-1", "on whatsapp", ChannelId.WhatsApp), CancellationToken.None);
        var otherAccount = await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("id-1", "on another number", account: "account-2"), CancellationToken.None);

        Assert.False(sms.IsDuplicate);
        Assert.False(whatsApp.IsDuplicate);
        Assert.False(otherAccount.IsDuplicate);
        Assert.Equal(3, recorder.Committed.Count);
        var db = bot.DatabaseFile();
        Assert.Equal(3, Rows.Count(db, "SELECT COUNT(*) FROM inbox WHERE provider_message_id = 'id-1'"));
        Assert.Equal(3, Rows.Count(db, "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND message_id = 'id-1'"));
        // One phone number, so one customer whose journey counted all three.
        Assert.Equal([3L], Rows.Counts(db));
    }

    [Fact]
    public async Task SubmitAsync_RedeliveredAfterRestart_IgnoredAsDuplicate()
    {
        using var data = new TempDirectory();
        var message = DeliveryBot.Message("wamid.HBgL", "before the restart", ChannelId.WhatsApp);
        await using (var bot = await DeliveryBot.StartAsync(dataDirectory: data.Path))
        {
            Assert.False((await bot.Inbox().SubmitAndWaitAsync(message, CancellationToken.None)).IsDuplicate);
            await Eventually.UntilAsync(() => bot.Channel(ChannelId.WhatsApp).Sent.Count == 1, "the reply to be sent");
        }

        Assert.True(File.Exists(data.DatabaseFile), "The first bot deleted the data directory it was given.");
        var recorder = new TurnRecorder();
        await using (var restarted = await DeliveryBot.StartAsync(recorder: recorder, dataDirectory: data.Path))
        {
            var again = await restarted.Inbox().SubmitAndWaitAsync(message, CancellationToken.None);
            var next = await restarted.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("wamid.HBgM", "after", ChannelId.WhatsApp), CancellationToken.None);

            Assert.True(again.IsDuplicate);
            Assert.False(next.IsDuplicate);
            Assert.Equal(["#2 after"], next.Replies.Select(r => r.Text));
            Assert.Single(recorder.Committed);
        }

        Assert.Equal(2, Rows.Count(data.DatabaseFile, "SELECT COUNT(*) FROM inbox"));
        Assert.Equal(1, Rows.Count(data.DatabaseFile, "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND message_id = 'wamid.HBgL'"));
        Assert.Equal([2L], Rows.Counts(data.DatabaseFile));
    }
}
