using System.Globalization;

namespace Omnichannel.Bots;

/// <summary>Why a message cannot reach the customer, as a kind to act on and a sentence an agent can read.</summary>
/// <param name="Kind">What blocks the message.</param>
/// <param name="Message">The reason in words, naming the channel and, where it applies, since when and what lifts it.</param>
public sealed record ReachProblem(ReachProblemKind Kind, string Message)
{
    /// <summary>No adapter is registered for <paramref name="channel"/>.</summary>
    public static ReachProblem NoAdapter(ChannelId channel) => new(
        ReachProblemKind.NoAdapter,
        $"The customer's current channel ({channel}) is not enabled on this bot, so the reply cannot be delivered.");

    /// <summary>The provider reported the chat unreachable (<paramref name="mark"/>).</summary>
    public static ReachProblem Unreachable(ChannelId channel, UnreachableMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        var code = mark.ProviderCode is null ? "" : $" (provider code {mark.ProviderCode})";
        return new(
            ReachProblemKind.Unreachable,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The customer cannot be reached on {channel} since {mark.At:yyyy-MM-dd HH:mm} UTC: {mark.Reason}{code}. Nothing is sent there until the customer writes again."));
    }

    /// <summary>The customer sent one of the profile's opt-out keywords at <paramref name="since"/>.</summary>
    public static ReachProblem OptedOut(ChannelProfile profile, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var stop = profile.OptOutKeywords.Count > 0 ? $" (they sent {profile.OptOutKeywords[0]})" : "";
        var start = profile.OptInKeywords.Count > 0 ? $"they send {profile.OptInKeywords[0]}" : "they opt in again";
        return new(
            ReachProblemKind.OptedOut,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The customer opted out of messages on {profile.Channel}{stop} at {since:yyyy-MM-dd HH:mm} UTC; nothing can be sent there until {start}."));
    }

    /// <summary>The profile's reply window has closed: <paramref name="lastInbound"/> is the customer's last message, null when they never wrote.</summary>
    public static ReachProblem ReplyWindowClosed(ChannelProfile profile, DateTimeOffset? lastInbound)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var hours = (profile.Capabilities.ReplyWindow ?? TimeSpan.Zero).TotalHours;
        var channel = profile.Channel;
        return new(
            ReachProblemKind.ReplyWindowClosed,
            lastInbound is { } last
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"{channel}'s {hours:0.#}-hour reply window closed at {last + profile.Capabilities.ReplyWindow!.Value:yyyy-MM-dd HH:mm} UTC ({hours:0.#} hours after the customer's last message); a free-form reply is refused until the customer writes again.")
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"{channel} takes free-form messages only within {hours:0.#} hours of a customer's message, and the customer has not written on this conversation; a free-form message is refused until they do."));
    }
}
