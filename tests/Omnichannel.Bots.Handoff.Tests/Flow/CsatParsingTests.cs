using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

public sealed class CsatParsingTests
{
    [Theory]
    [InlineData("5", null, 5)]
    [InlineData(" 1 ", null, 1)]
    [InlineData("4/5", null, 4)]
    [InlineData("3 stars", null, 3)]
    [InlineData("2star", null, 2)]
    [InlineData(null, "csat:4", 4)]
    [InlineData("4", "csat:2", 2)]
    [InlineData("0", null, null)]
    [InlineData("6", null, null)]
    [InlineData("10", null, null)]
    [InlineData("45", null, null)]
    [InlineData("five", null, null)]
    [InlineData("my order 5", null, null)]
    [InlineData("", null, null)]
    [InlineData(null, "csat:9", null)]
    [InlineData(null, "kb:shipping", null)]
    [InlineData(null, "handoff:csat:3", 3)]
    [InlineData(null, "handoff:csat:9", null)]
    public void ParseCsat_Message_ReadsOnlyARatingFromOneToFive(string? text, string? value, int? expected)
    {
        var message = new BotMessage
        {
            Id = "m1",
            Channel = ChannelId.WebChat,
            Conversation = new ConversationAddress("a", "c"),
            Text = text,
            Value = value,
        };

        Assert.Equal(expected, HandoffRouter.ParseCsat(message));
    }
}
