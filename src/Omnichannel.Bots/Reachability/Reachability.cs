using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// Whether a message can reach the customer on one conversation now, and when it cannot, why: the channel has no
/// adapter here, the provider reported the chat unreachable, the customer opted out, or the window the message's
/// sender has on the channel has closed. Who sends decides the window (<see cref="ProblemFor"/>): the bot has the
/// channel's <see cref="ChannelCapabilities.ReplyWindow"/> from the customer's last message; a human agent (a message
/// with a <see cref="BotMessage.Sender"/>) has <see cref="ChannelCapabilities.HumanAgentReplyWindow"/> where the
/// channel has one, else the same window; an approved template (<see cref="BotMessage.Template"/>) on a channel with
/// <see cref="ChannelCapabilities.SupportsTemplates"/> has no window at all. Capabilities and keywords are data on the
/// profile: no channel is named here. Made by <see cref="ReachabilityPolicy"/>, which the outbox asks before every send.
/// </summary>
public sealed record Reachability
{
    /// <summary>The channel's profile (a shipped or bare one when the bot knows none, for display only).</summary>
    public required ChannelProfile Profile { get; init; }

    public ChannelId Channel => Profile.Channel;

    public required bool HasAdapter { get; init; }

    /// <summary>When the customer last wrote on the conversation; null when they never did.</summary>
    public DateTimeOffset? LastInboundAt { get; init; }

    /// <summary>When the bot's reply window closes (or closed); null when the channel has none or the customer never wrote.</summary>
    public DateTimeOffset? WindowClosesAt { get; init; }

    /// <summary>True when the channel has no reply window or the bot's is still open.</summary>
    public required bool WindowOpen { get; init; }

    /// <summary>
    /// When a human agent's window closes (or closed): <see cref="ChannelCapabilities.HumanAgentReplyWindow"/> after the
    /// customer's last message where the channel has one, else <see cref="WindowClosesAt"/>.
    /// </summary>
    public DateTimeOffset? AgentWindowClosesAt { get; init; }

    /// <summary>True when a human agent's free-form reply is within its window (or the channel has none).</summary>
    public required bool AgentWindowOpen { get; init; }

    /// <summary>True when the channel sends approved templates, which no window limits (WhatsApp).</summary>
    public bool SupportsTemplates => Profile.Capabilities.SupportsTemplates;

    public DateTimeOffset? OptedOutAt { get; init; }

    public bool OptedOut => OptedOutAt is not null;

    /// <summary>The provider's unreachable mark, while the customer has not written since.</summary>
    public UnreachableMark? Unreachable { get; init; }

    /// <summary>
    /// The first thing that blocks the bot's own free-form message (in the order of <see cref="ReachProblemKind"/>); null
    /// when it can go. A human agent's reply and a template are judged by <see cref="ProblemFor"/>.
    /// </summary>
    public ReachProblem? Problem { get; init; }

    /// <summary>The first thing that blocks a human agent's free-form reply; null when it can go (maybe in the agent window only).</summary>
    public ReachProblem? AgentProblem { get; init; }

    /// <summary>What blocks an approved template (no window limits it): null when one can go now.</summary>
    public ReachProblem? TemplateProblem => Blocked ?? (SupportsTemplates ? null : ReachProblem.TemplatesUnsupported(Profile));

    /// <summary>What blocks every message whoever sends it: no adapter, unreachable, opted out.</summary>
    private ReachProblem? Blocked { get; init; }

    /// <summary>True when the bot's own free-form message can go now.</summary>
    public bool CanSend => Problem is null;

    /// <summary>
    /// What blocks <paramref name="message"/>: no adapter, an unreachable chat or an opt-out block everything (except that
    /// the bot's answer to a compliance keyword, <see cref="MessageKind.KeywordReply"/>, goes through an opt-out, so an
    /// opt-out can be confirmed once); then a template needs a channel that sends them
    /// (<see cref="ReachProblemKind.TemplatesUnsupported"/>) and is not limited by any window; a human agent's message
    /// needs the agent window, and the bot's own the reply window.
    /// </summary>
    public ReachProblem? ProblemFor(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Blocked is { } blocked)
        {
            return blocked.Kind == ReachProblemKind.OptedOut && message.Kind == MessageKind.KeywordReply ? null : blocked;
        }

        return message.Template is not null ? TemplateProblem : message.Sender is null ? Problem : AgentProblem;
    }

    /// <summary>
    /// The window <paramref name="message"/> goes in when it can go now: <see cref="SendWindow.HumanAgent"/> when only the
    /// agent window lets it through, else <see cref="SendWindow.Standard"/>; null when <see cref="ProblemFor"/> refuses it.
    /// </summary>
    public SendWindow? WindowFor(BotMessage message) =>
        ProblemFor(message) is not null
            ? null
            : message.Template is null && message.Sender is not null && !WindowOpen ? SendWindow.HumanAgent : SendWindow.Standard;

    /// <summary>The reach of a conversation on <paramref name="profile"/>'s channel, from its stored facts, at <paramref name="now"/>.</summary>
    public static Reachability Of(ChannelProfile profile, bool hasAdapter, ConversationReach facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(facts);
        var capabilities = profile.Capabilities;
        var (open, closes) = Window(capabilities.ReplyWindow, facts.LastInboundAt, now);
        var (agentOpen, agentCloses) = capabilities.HumanAgentReplyWindow is { } agentWindow
            ? Window(agentWindow, facts.LastInboundAt, now)
            : (open, closes);
        ReachProblem? blocked = null;
        if (!hasAdapter)
        {
            blocked = ReachProblem.NoAdapter(profile.Channel);
        }
        else if (facts.Unreachable is { } mark)
        {
            blocked = ReachProblem.Unreachable(profile.Channel, mark);
        }
        else if (facts.OptedOutAt is { } optedOut)
        {
            blocked = ReachProblem.OptedOut(profile, optedOut);
        }

        return new Reachability
        {
            Profile = profile,
            HasAdapter = hasAdapter,
            LastInboundAt = facts.LastInboundAt,
            WindowClosesAt = closes,
            WindowOpen = open,
            AgentWindowClosesAt = agentCloses,
            AgentWindowOpen = agentOpen,
            OptedOutAt = facts.OptedOutAt,
            Unreachable = facts.Unreachable,
            Blocked = blocked,
            Problem = blocked ?? (open ? null : ReachProblem.ReplyWindowClosed(profile, facts.LastInboundAt)),
            AgentProblem = blocked ?? (agentOpen ? null : ReachProblem.AgentWindowClosed(profile, facts.LastInboundAt)),
        };
    }

    /// <summary>Whether a window of <paramref name="length"/> from the customer's last message is open at <paramref name="now"/>, and when it closes.</summary>
    private static (bool Open, DateTimeOffset? ClosesAt) Window(TimeSpan? length, DateTimeOffset? lastInbound, DateTimeOffset now)
    {
        DateTimeOffset? closes = length is { } window && lastInbound is { } last ? last + window : null;
        return (length is null || (closes is { } at && at > now), closes);
    }
}
