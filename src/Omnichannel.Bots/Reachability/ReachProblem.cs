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

    /// <summary>
    /// The bot's reply window has closed: <paramref name="lastInbound"/> is the customer's last message, null when they
    /// never wrote. On a channel with templates the sentence says that one lifts it.
    /// </summary>
    public static ReachProblem ReplyWindowClosed(ChannelProfile profile, DateTimeOffset? lastInbound)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var lift = profile.Capabilities.SupportsTemplates
            ? ", or send an approved message template (the window does not limit templates)"
            : "";
        return WindowClosed(profile, profile.Capabilities.ReplyWindow ?? TimeSpan.Zero, "reply window", "a free-form reply", lastInbound, lift);
    }

    /// <summary>
    /// A human agent's window has closed: the channel's <see cref="ChannelCapabilities.HumanAgentReplyWindow"/> where it
    /// has one, else its reply window (then the words of <see cref="ReplyWindowClosed"/>).
    /// </summary>
    public static ReachProblem AgentWindowClosed(ChannelProfile profile, DateTimeOffset? lastInbound)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Capabilities.HumanAgentReplyWindow is { } window
            ? WindowClosed(profile, window, "human agent window", "an agent's reply", lastInbound, "")
            : ReplyWindowClosed(profile, lastInbound);
    }

    /// <summary>A message carries a <see cref="BotMessage.Template"/> but the channel sends no templates.</summary>
    public static ReachProblem TemplatesUnsupported(ChannelProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(
            ReachProblemKind.TemplatesUnsupported,
            $"{profile.Channel} does not send message templates; send the text as an ordinary message instead.");
    }

    private static ReachProblem WindowClosed(ChannelProfile profile, TimeSpan window, string name, string what, DateTimeOffset? lastInbound, string lift)
    {
        var length = Length(window);
        var channel = profile.Channel;
        return new(
            ReachProblemKind.ReplyWindowClosed,
            lastInbound is { } last
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"{channel}'s {length.Adjective} {name} closed at {last + window:yyyy-MM-dd HH:mm} UTC ({length.Words} after the customer's last message); {what} is refused until the customer writes again{lift}.")
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"{channel} takes {what} only within {length.Words} of a customer's message, and the customer has not written on this conversation; it is refused until they do{lift}."));
    }

    /// <summary>A window's length in words: hours up to two days (<c>24-hour</c>, <c>24 hours</c>), else days (<c>7-day</c>, <c>7 days</c>).</summary>
    private static (string Adjective, string Words) Length(TimeSpan window) =>
        window.TotalHours <= 48
            ? (string.Create(CultureInfo.InvariantCulture, $"{window.TotalHours:0.#}-hour"), string.Create(CultureInfo.InvariantCulture, $"{window.TotalHours:0.#} hours"))
            : (string.Create(CultureInfo.InvariantCulture, $"{window.TotalDays:0.#}-day"), string.Create(CultureInfo.InvariantCulture, $"{window.TotalDays:0.#} days"));
}
