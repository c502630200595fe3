namespace Omnichannel.Bots.Customers;

/// <summary>Channels' names as customers know them ("WhatsApp", "web chat"), for sentences that name a channel.</summary>
public static class ChannelDisplayNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        [ChannelId.WebChat.Value] = "web chat",
        [ChannelId.WhatsApp.Value] = "WhatsApp",
        [ChannelId.Messenger.Value] = "Messenger",
        [ChannelId.Telegram.Value] = "Telegram",
        [ChannelId.Sms.Value] = "SMS",
        [ChannelId.Console.Value] = "the console",
    };

    /// <summary>The shipped channels' names; any other channel is called by its id.</summary>
    public static string Of(ChannelId channel) => Known.TryGetValue(channel.Value, out var name) ? name : channel.Value;
}
