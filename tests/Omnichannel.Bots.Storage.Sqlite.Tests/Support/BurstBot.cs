using System.Collections.Concurrent;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>A <see cref="TestBot"/> running the <see cref="BurstDialog"/>, and what the pacing and reachability tests share.</summary>
public static class BurstBot
{
    public static Task<TestBot> StartAsync() => TestBot.StartAsync(bot => bot.AddRootDialog<BurstDialog>());

    /// <summary>A customer's message on <paramref name="channel"/> in chat <paramref name="chat"/> of the bot's account.</summary>
    public static BotMessage Message(string id, string text, ChannelId channel, string chat) =>
        DeliveryBot.Message(id, text, channel, conversation: chat, phone: channel == ChannelId.Sms || channel == ChannelId.WhatsApp ? chat : null);

    /// <summary>Notes the fake clock's time at every send of <paramref name="adapter"/> (failing none), in send order.</summary>
    public static ConcurrentQueue<(string? Text, string Chat, DateTimeOffset At)> RecordSendTimes(this TestBot bot, RecordingChannelAdapter adapter)
    {
        var sends = new ConcurrentQueue<(string? Text, string Chat, DateTimeOffset At)>();
        adapter.FailNext = m =>
        {
            sends.Enqueue((m.Text, m.Conversation.Id, bot.Time.GetUtcNow()));
            return null;
        };
        return sends;
    }

    /// <summary>The outbox rows in id order: message id, status, attempts, last error.</summary>
    public static List<object?[]> OutboxRows(this TestBot bot) =>
        Rows.Query(bot.DatabaseFile(), "SELECT message_id, status, attempts, last_error FROM outbox ORDER BY id");
}
