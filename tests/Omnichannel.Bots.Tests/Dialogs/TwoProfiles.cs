namespace Omnichannel.Bots.Tests.Dialogs;

/// <summary>Every dialog feature runs on a channel with buttons and Markdown and on one with plain numbered text.</summary>
public static class TwoProfiles
{
    public static TheoryData<string> Channels => new() { "webchat", "sms" };

    public static ChannelProfile Named(string channel) => ChannelProfiles.All.Single(p => p.Channel.Value == channel);
}
