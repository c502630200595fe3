using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// Whether a message can reach the customer on one conversation now, and when it cannot, why
/// (<see cref="Problem"/>): the channel has no adapter here, the provider reported the chat unreachable, the customer
/// opted out, or the channel's reply window (<see cref="ChannelCapabilities.ReplyWindow"/>, from the customer's last
/// message) has closed. Capabilities and keywords are data on the profile: no channel is named here. Made by
/// <see cref="ReachabilityPolicy"/>, which the outbox asks before every send.
/// </summary>
public sealed record Reachability
{
    /// <summary>The channel's profile (a shipped or bare one when the bot knows none, for display only).</summary>
    public required ChannelProfile Profile { get; init; }

    public ChannelId Channel => Profile.Channel;

    public required bool HasAdapter { get; init; }

    /// <summary>When the customer last wrote on the conversation; null when they never did.</summary>
    public DateTimeOffset? LastInboundAt { get; init; }

    /// <summary>When the channel's reply window closes (or closed); null when the channel has none or the customer never wrote.</summary>
    public DateTimeOffset? WindowClosesAt { get; init; }

    /// <summary>True when the channel has no reply window or it is still open.</summary>
    public required bool WindowOpen { get; init; }

    public DateTimeOffset? OptedOutAt { get; init; }

    public bool OptedOut => OptedOutAt is not null;

    /// <summary>The provider's unreachable mark, while the customer has not written since.</summary>
    public UnreachableMark? Unreachable { get; init; }

    /// <summary>The first thing that blocks a message (in the order of <see cref="ReachProblemKind"/>); null when it can go.</summary>
    public ReachProblem? Problem { get; init; }

    public bool CanSend => Problem is null;

    /// <summary>
    /// What blocks <paramref name="message"/>: <see cref="Problem"/>, except that the bot's answer to a compliance
    /// keyword (<see cref="MessageKind.KeywordReply"/>) goes through an opt-out, so an opt-out can be confirmed once.
    /// </summary>
    public ReachProblem? ProblemFor(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Problem is { Kind: ReachProblemKind.OptedOut } && message.Kind == MessageKind.KeywordReply ? null : Problem;
    }

    /// <summary>The reach of a conversation on <paramref name="profile"/>'s channel, from its stored facts, at <paramref name="now"/>.</summary>
    public static Reachability Of(ChannelProfile profile, bool hasAdapter, ConversationReach facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(facts);
        var window = profile.Capabilities.ReplyWindow;
        DateTimeOffset? closes = window is { } length && facts.LastInboundAt is { } last ? last + length : null;
        var open = window is null || (closes is { } at && at > now);
        ReachProblem? problem = null;
        if (!hasAdapter)
        {
            problem = ReachProblem.NoAdapter(profile.Channel);
        }
        else if (facts.Unreachable is { } mark)
        {
            problem = ReachProblem.Unreachable(profile.Channel, mark);
        }
        else if (facts.OptedOutAt is { } optedOut)
        {
            problem = ReachProblem.OptedOut(profile, optedOut);
        }
        else if (!open)
        {
            problem = ReachProblem.ReplyWindowClosed(profile, facts.LastInboundAt);
        }

        return new Reachability
        {
            Profile = profile,
            HasAdapter = hasAdapter,
            LastInboundAt = facts.LastInboundAt,
            WindowClosesAt = closes,
            WindowOpen = open,
            OptedOutAt = facts.OptedOutAt,
            Unreachable = facts.Unreachable,
            Problem = problem,
        };
    }
}
