namespace Omnichannel.Bots.Tests.Channels;

/// <summary>The SMS keyword table: a keyword counts only as the whole message (trimmed, any case); YES only while opted out.</summary>
public sealed class SmsKeywordTests
{
    private static readonly ChannelProfile Sms = ChannelProfiles.Sms;

    [Theory]
    [InlineData("STOP", KeywordKind.OptOut)]
    [InlineData("stop", KeywordKind.OptOut)]
    [InlineData("  Stop.  ", KeywordKind.OptOut)]
    [InlineData("STOPALL", KeywordKind.OptOut)]
    [InlineData("unsubscribe", KeywordKind.OptOut)]
    [InlineData("Cancel", KeywordKind.OptOut)]
    [InlineData("END", KeywordKind.OptOut)]
    [InlineData("quit!", KeywordKind.OptOut)]
    [InlineData("START", KeywordKind.OptIn)]
    [InlineData("unstop", KeywordKind.OptIn)]
    [InlineData("HELP", KeywordKind.Help)]
    [InlineData("info", KeywordKind.Help)]
    [InlineData("yes", KeywordKind.None)]
    [InlineData("cancel my order", KeywordKind.None)]
    [InlineData("please stop", KeywordKind.None)]
    [InlineData("stop it", KeywordKind.None)]
    [InlineData("help me", KeywordKind.None)]
    [InlineData("started", KeywordKind.None)]
    [InlineData("", KeywordKind.None)]
    [InlineData(null, KeywordKind.None)]
    public void KeywordOf_NotOptedOut_WholeMessageOnly(string? text, KeywordKind expected) =>
        Assert.Equal(expected, Sms.KeywordOf(text, optedOut: false));

    [Theory]
    [InlineData("YES", KeywordKind.OptIn)]
    [InlineData(" yes ", KeywordKind.OptIn)]
    [InlineData("START", KeywordKind.OptIn)]
    [InlineData("STOP", KeywordKind.OptOut)]
    [InlineData("yes please", KeywordKind.None)]
    public void KeywordOf_OptedOut_YesOptsBackIn(string text, KeywordKind expected) =>
        Assert.Equal(expected, Sms.KeywordOf(text, optedOut: true));

    [Fact]
    public void Sms_Default_ProviderAnswersKeywordsAndThreeSegments()
    {
        Assert.Equal(KeywordReplies.Provider, Sms.KeywordReplies);
        Assert.Equal(3, Sms.Capabilities.MaxSegments);
        Assert.Equal(TextEncoding.SmsSegments, Sms.Capabilities.Encoding);
    }

    [Fact]
    public void OtherChannels_NoKeywords()
    {
        foreach (var profile in ChannelProfiles.All.Where(p => p.Channel != ChannelId.Sms))
        {
            Assert.Equal(KeywordKind.None, profile.KeywordOf("STOP", optedOut: true));
            Assert.Equal(KeywordKind.None, profile.KeywordOf("YES", optedOut: true));
        }
    }
}
