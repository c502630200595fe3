using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Packets;

public sealed class ChannelReachTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(23.9, true)]
    [InlineData(24.0, false)]
    [InlineData(30, false)]
    public void Of_WhatsAppHoursAfterTheLastMessage_WindowOpenOnlyWithin24Hours(double hoursAgo, bool open)
    {
        var reach = ChannelReach.Of(Conversation(ChannelId.WhatsApp, Now.AddHours(-hoursAgo)), ChannelProfiles.WhatsApp, hasAdapter: true, [], Now);

        Assert.Equal(open, reach.WindowOpen);
        Assert.Equal(Now.AddHours(-hoursAgo).AddHours(24), reach.WindowClosesAt);
        Assert.Equal(open, reach.Problem(ChannelProfiles.WhatsApp) is null);
        if (!open)
        {
            Assert.Contains("24-hour reply window closed", reach.Problem(ChannelProfiles.WhatsApp), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Of_WebChatDaysLater_HasNoWindow()
    {
        var reach = ChannelReach.Of(Conversation(ChannelId.WebChat, Now.AddDays(-30)), ChannelProfiles.WebChat, hasAdapter: true, [], Now);

        Assert.True(reach.CanSend);
        Assert.Null(reach.WindowClosesAt);
    }

    [Theory]
    [InlineData(new[] { "hello", "STOP" }, true)]
    [InlineData(new[] { "stop." }, true)]
    [InlineData(new[] { "STOP", "START" }, false)]
    [InlineData(new[] { "please stop sending me the wrong size" }, false)]
    [InlineData(new[] { "UNSUBSCRIBE", "hi", "what?" }, true)]
    public void Of_SmsKeywords_OptedOutUntilStart(string[] messages, bool optedOut)
    {
        var conversation = Conversation(ChannelId.Sms, Now.AddMinutes(-1));
        var transcript = messages.Select((text, i) => new TranscriptEntry(i, conversation.Conversation.Id, "customer-1", ChannelId.Sms, MessageDirection.Inbound, Message(ChannelId.Sms, text), Now.AddMinutes(-10 + i))).ToList();

        var reach = ChannelReach.Of(conversation, ChannelProfiles.Sms, hasAdapter: true, transcript, Now);

        Assert.Equal(optedOut, reach.OptedOut);
        Assert.Equal(!optedOut, reach.CanSend);
        if (optedOut)
        {
            Assert.Contains("opted out", reach.Problem(ChannelProfiles.Sms), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Of_StopOnAnotherConversation_DoesNotOptThisOneOut()
    {
        var conversation = Conversation(ChannelId.Sms, Now.AddMinutes(-1));
        var transcript = new[] { new TranscriptEntry(1, "other", "customer-1", ChannelId.Sms, MessageDirection.Inbound, Message(ChannelId.Sms, "STOP"), Now.AddMinutes(-5)) };

        Assert.False(ChannelReach.Of(conversation, ChannelProfiles.Sms, true, transcript, Now).OptedOut);
    }

    [Fact]
    public void Problem_NoAdapter_SaysTheChannelIsNotEnabled()
    {
        var reach = ChannelReach.Of(Conversation(ChannelId.Telegram, Now), ChannelProfiles.Telegram, hasAdapter: false, [], Now);

        Assert.False(reach.CanSend);
        Assert.Contains("not enabled", reach.Problem(ChannelProfiles.Telegram), StringComparison.Ordinal);
    }

    private static CustomerConversation Conversation(ChannelId channel, DateTimeOffset lastInbound) =>
        new(new ConversationRecord("conversation-" + channel.Value, channel, new ConversationAddress("account", "chat"), "customer-1", ConversationOwner.Agent, 1, null, null), lastInbound, null);

    private static BotMessage Message(ChannelId channel, string text) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Channel = channel,
        Conversation = new ConversationAddress("account", "chat"),
        Sender = new Participant("+15551234567"),
        Text = text,
    };
}
