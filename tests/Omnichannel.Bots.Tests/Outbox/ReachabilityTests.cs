using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Tests.Outbox;

/// <summary>The reachability policy's rules on stored facts: reply windows, opt-outs, unreachable chats, missing adapters.</summary>
public sealed class ReachabilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(23.9, true)]
    [InlineData(24.0, false)]
    [InlineData(30, false)]
    public void Of_WhatsAppHoursAfterTheLastMessage_WindowOpenOnlyWithin24Hours(double hoursAgo, bool open)
    {
        var reach = Reachability.Of(ChannelProfiles.WhatsApp, hasAdapter: true, new ConversationReach { LastInboundAt = Now.AddHours(-hoursAgo) }, Now);

        Assert.Equal(open, reach.WindowOpen);
        Assert.Equal(Now.AddHours(-hoursAgo).AddHours(24), reach.WindowClosesAt);
        Assert.Equal(open, reach.CanSend);
        if (!open)
        {
            Assert.Equal(ReachProblemKind.ReplyWindowClosed, reach.Problem!.Kind);
            Assert.Contains("24-hour reply window closed", reach.Problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Of_WindowedChannelCustomerNeverWrote_RefusedSayingSo()
    {
        var reach = Reachability.Of(ChannelProfiles.Messenger, hasAdapter: true, ConversationReach.None, Now);

        Assert.False(reach.WindowOpen);
        Assert.Equal(ReachProblemKind.ReplyWindowClosed, reach.Problem!.Kind);
        Assert.Contains("has not written", reach.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_WebChatDaysLater_HasNoWindow()
    {
        var reach = Reachability.Of(ChannelProfiles.WebChat, hasAdapter: true, new ConversationReach { LastInboundAt = Now.AddDays(-30) }, Now);

        Assert.True(reach.CanSend);
        Assert.True(reach.WindowOpen);
        Assert.Null(reach.WindowClosesAt);
    }

    [Fact]
    public void Of_OptedOut_RefusedNamingTheProfilesKeywords()
    {
        var reach = Reachability.Of(ChannelProfiles.Sms, hasAdapter: true, new ConversationReach { LastInboundAt = Now, OptedOutAt = Now.AddMinutes(-5) }, Now);

        Assert.True(reach.OptedOut);
        Assert.Equal(ReachProblemKind.OptedOut, reach.Problem!.Kind);
        Assert.Equal("The customer opted out of messages on sms (they sent STOP) at 2026-03-18 09:55 UTC; nothing can be sent there until they send START.", reach.Problem.Message);
    }

    [Fact]
    public void Of_Unreachable_RefusedWithTheProvidersWordsCodeAndTime()
    {
        var mark = new UnreachableMark("Forbidden: bot was blocked by the user", "403", Now.AddHours(-1));

        var reach = Reachability.Of(ChannelProfiles.Telegram, hasAdapter: true, new ConversationReach { LastInboundAt = Now.AddHours(-2), Unreachable = mark }, Now);

        Assert.Equal(ReachProblemKind.Unreachable, reach.Problem!.Kind);
        Assert.Equal(
            "The customer cannot be reached on telegram since 2026-03-18 09:00 UTC: Forbidden: bot was blocked by the user (provider code 403). Nothing is sent there until the customer writes again.",
            reach.Problem.Message);
        Assert.Equal(ReachProblem.Unreachable(ChannelId.Telegram, mark), reach.Problem);
    }

    [Fact]
    public void Of_NoAdapter_SaysTheChannelIsNotEnabledBeforeAnythingElse()
    {
        var facts = new ConversationReach { OptedOutAt = Now, Unreachable = new UnreachableMark("blocked", null, Now) };

        var reach = Reachability.Of(ChannelProfiles.Sms, hasAdapter: false, facts, Now);

        Assert.False(reach.CanSend);
        Assert.Equal(ReachProblemKind.NoAdapter, reach.Problem!.Kind);
        Assert.Contains("not enabled", reach.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_UnreachableAndOptedOutAndWindowClosed_UnreachableComesFirstAndTheFactsStayVisible()
    {
        var facts = new ConversationReach { LastInboundAt = Now.AddDays(-3), OptedOutAt = Now.AddDays(-2), Unreachable = new UnreachableMark("blocked", null, Now) };

        var reach = Reachability.Of(ChannelProfiles.WhatsApp, hasAdapter: true, facts, Now);

        Assert.Equal(ReachProblemKind.Unreachable, reach.Problem!.Kind);
        Assert.True(reach.OptedOut);
        Assert.False(reach.WindowOpen);
    }

    [Fact]
    public void Interval_ThirtyASecond_RoundedUpSoThirtyOneSendsNeverFitInASecond()
    {
        var rate = new MessageRate(30, TimeSpan.FromSeconds(1));

        Assert.Equal(333_334, rate.Interval.Ticks);
        Assert.True(rate.Interval * 30 >= rate.Per);
        Assert.Equal(TimeSpan.FromSeconds(1), new MessageRate(1, TimeSpan.FromSeconds(1)).Interval);
    }
}
