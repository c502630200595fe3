using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Tests.Outbox;

/// <summary>
/// The reply windows per sender on the shipped WhatsApp and Messenger profiles: the bot's own messages within the
/// reply window, a human agent's within the human agent window where the channel has one, a template whatever the window
/// (on a channel with templates), and the <see cref="SendWindow"/> each goes in.
/// </summary>
public sealed class ReplyWindowTests
{
    private static readonly DateTimeOffset LastInbound = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly Participant Agent = new("agent-7f3a", "Alice");

    public static TheoryData<string, string, double, SendWindow?> Table => new()
    {
        // channel, sender (bot | agent | template), seconds after the customer's last message, the window it goes in (null: refused)
        { "whatsapp", "bot", (24 * 3600) - 1, SendWindow.Standard },
        { "whatsapp", "bot", (24 * 3600) + 1, null },
        { "whatsapp", "agent", (24 * 3600) - 1, SendWindow.Standard },
        { "whatsapp", "agent", (24 * 3600) + 1, null },
        { "whatsapp", "template", (24 * 3600) + 1, SendWindow.Standard },
        { "whatsapp", "template", 30 * 24 * 3600, SendWindow.Standard },
        { "messenger", "bot", 3600, SendWindow.Standard },
        { "messenger", "bot", 2 * 24 * 3600, null },
        { "messenger", "agent", 3600, SendWindow.Standard },
        { "messenger", "agent", 6 * 24 * 3600, SendWindow.HumanAgent },
        { "messenger", "agent", (7 * 24 * 3600) - 1, SendWindow.HumanAgent },
        { "messenger", "agent", (7 * 24 * 3600) + 1, null },
        { "messenger", "agent", 8 * 24 * 3600, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void WindowFor_SenderAndTimeSinceTheCustomersLastMessage_SendsInTheRightWindowOrRefuses(string channel, string sender, double seconds, SendWindow? expected)
    {
        var profile = channel == "whatsapp" ? ChannelProfiles.WhatsApp : ChannelProfiles.Messenger;
        var reach = Reach(profile, LastInbound.AddSeconds(seconds));
        var message = Message(profile.Channel, sender);

        Assert.Equal(expected, reach.WindowFor(message));
        var problem = reach.ProblemFor(message);
        Assert.Equal(expected is null, problem is not null);
        if (problem is not null)
        {
            Assert.Equal(ReachProblemKind.ReplyWindowClosed, problem.Kind);
        }
    }

    [Fact]
    public void ProblemFor_WhatsAppFreeFormAfter24Hours_SaysWhenItClosedAndThatATemplateStillGoes()
    {
        var reach = Reach(ChannelProfiles.WhatsApp, LastInbound.AddHours(24).AddSeconds(1));

        var problem = reach.ProblemFor(Message(ChannelId.WhatsApp, "agent"));

        Assert.Equal(
            "whatsapp's 24-hour reply window closed at 2026-03-19 10:00 UTC (24 hours after the customer's last message); a free-form reply is refused until the customer writes again, or send an approved message template (the window does not limit templates).",
            problem!.Message);
        Assert.Equal(reach.Problem, reach.AgentProblem);
        Assert.Null(reach.TemplateProblem);
    }

    [Fact]
    public void ProblemFor_MessengerAgentAfter7Days_NamesTheHumanAgentWindowAndWhenItClosed()
    {
        var reach = Reach(ChannelProfiles.Messenger, LastInbound.AddDays(8));

        var agent = reach.ProblemFor(Message(ChannelId.Messenger, "agent"));
        var bot = reach.ProblemFor(Message(ChannelId.Messenger, "bot"));

        Assert.Equal(
            "messenger's 7-day human agent window closed at 2026-03-25 10:00 UTC (7 days after the customer's last message); an agent's reply is refused until the customer writes again.",
            agent!.Message);
        Assert.StartsWith("messenger's 24-hour reply window closed at 2026-03-19 10:00 UTC", bot!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("template", bot.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_MessengerDay6_AgentWindowOpenUntilDay7WhileTheBotsClosed()
    {
        var reach = Reach(ChannelProfiles.Messenger, LastInbound.AddDays(6));

        Assert.False(reach.WindowOpen);
        Assert.Equal(LastInbound.AddHours(24), reach.WindowClosesAt);
        Assert.True(reach.AgentWindowOpen);
        Assert.Equal(LastInbound.AddDays(7), reach.AgentWindowClosesAt);
        Assert.Null(reach.AgentProblem);
        Assert.False(reach.CanSend);
    }

    [Fact]
    public void ProblemFor_TemplateOnAChannelWithoutTemplates_RefusedAsUnsupported()
    {
        var reach = Reach(ChannelProfiles.Messenger, LastInbound.AddMinutes(5));

        var problem = reach.ProblemFor(Message(ChannelId.Messenger, "template"));

        Assert.Equal(ReachProblemKind.TemplatesUnsupported, problem!.Kind);
        Assert.Equal("messenger does not send message templates; send the text as an ordinary message instead.", problem.Message);
        Assert.Null(reach.WindowFor(Message(ChannelId.Messenger, "template")));
    }

    [Fact]
    public void ProblemFor_TemplateToACustomerWhoOptedOut_RefusedAsOptedOut()
    {
        var facts = new ConversationReach { LastInboundAt = LastInbound, OptedOutAt = LastInbound.AddMinutes(1) };
        var reach = Reachability.Of(ChannelProfiles.WhatsApp, hasAdapter: true, facts, LastInbound.AddDays(2));

        Assert.Equal(ReachProblemKind.OptedOut, reach.ProblemFor(Message(ChannelId.WhatsApp, "template"))!.Kind);
        Assert.Equal(ReachProblemKind.OptedOut, reach.ProblemFor(Message(ChannelId.WhatsApp, "agent"))!.Kind);
    }

    [Fact]
    public void ProblemFor_TemplateToAChatThatNeverWrote_GoesWhileFreeFormIsRefused()
    {
        var reach = Reachability.Of(ChannelProfiles.WhatsApp, hasAdapter: true, ConversationReach.None, LastInbound);

        Assert.Null(reach.ProblemFor(Message(ChannelId.WhatsApp, "template")));
        var problem = reach.ProblemFor(Message(ChannelId.WhatsApp, "bot"));
        Assert.Equal(
            "whatsapp takes a free-form reply only within 24 hours of a customer's message, and the customer has not written on this conversation; it is refused until they do, or send an approved message template (the window does not limit templates).",
            problem!.Message);
    }

    private static Reachability Reach(ChannelProfile profile, DateTimeOffset now) =>
        Reachability.Of(profile, hasAdapter: true, new ConversationReach { LastInboundAt = LastInbound }, now);

    private static BotMessage Message(ChannelId channel, string sender) => new()
    {
        Id = "out-1",
        Channel = channel,
        Conversation = new ConversationAddress("page-1", "chat-1"),
        Text = "Your order shipped.",
        Sender = sender == "agent" ? Agent : null,
        Template = sender == "template" ? new MessageTemplate("order_update", "en_US") { BodyParameters = ["12345"] } : null,
    };
}
