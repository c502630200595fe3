using Omnichannel.Bots;

namespace SupportBot.Tests;

/// <summary>The two capability profiles every dialog test runs on: buttons and Markdown, or plain numbered text.</summary>
public static class Channels
{
    public static TheoryData<string> ButtonAndTextChannels => new() { "webchat", "sms" };

    public static ChannelProfile Named(string channel) => ChannelProfiles.All.Single(p => p.Channel.Value == channel);
}
