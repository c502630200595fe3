namespace Omnichannel.Bots.Testing;

/// <summary>
/// Channel profiles for theory tests: run one dialog test on a channel with buttons and Markdown (web chat) and on
/// one with plain text and numbered options (SMS), as <c>[MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]</c>.
/// </summary>
public static class TestChannels
{
    /// <summary>The names of two profiles at opposite ends of the capabilities: <c>webchat</c> and <c>sms</c>.</summary>
    public static IEnumerable<object[]> ButtonsAndPlainText => [["webchat"], ["sms"]];

    /// <summary>The shipped profile with this channel name (see <see cref="ChannelProfiles.All"/>).</summary>
    public static ChannelProfile Named(string channel) =>
        ChannelProfiles.All.SingleOrDefault(p => p.Channel.Value == channel)
        ?? throw new ArgumentException($"No shipped channel profile is named '{channel}'.", nameof(channel));
}
