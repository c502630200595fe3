namespace Omnichannel.Bots;

/// <summary>
/// A channel and what it can do. <see cref="ComplianceKeywords"/> are whole-message words that belong to the
/// carrier or platform (SMS STOP, HELP, ...): the bot records them but never treats them as dialog input.
/// <see cref="Interruptions"/> are the customer's words for help, cancel, start over and a person on this channel.
/// </summary>
public sealed record ChannelProfile(ChannelId Channel, ChannelCapabilities Capabilities)
{
    /// <summary>
    /// The interruption words on this channel; null uses the bot's default (<c>Bot.Interruptions.Default</c>). SMS has
    /// its own, without the carrier's keywords.
    /// </summary>
    public InterruptionWords? Interruptions { get; init; }

    public IReadOnlyList<string> ComplianceKeywords { get; init; } = [];

    /// <summary>How fast the provider accepts messages, per chat and per account; the outbox keeps to it.</summary>
    public ChannelPacing Pacing { get; init; } = ChannelPacing.None;

    /// <summary>Compliance keywords that opt the sender out of messages (SMS STOP): nothing may be sent to them until they opt in again.</summary>
    public IReadOnlyList<string> OptOutKeywords { get; init; } = [];

    /// <summary>Compliance keywords that opt the sender back in (SMS START).</summary>
    public IReadOnlyList<string> OptInKeywords { get; init; } = [];

    /// <summary>True when the whole message is one of <see cref="OptOutKeywords"/>.</summary>
    public bool IsOptOut(string? text) => Matches(text, OptOutKeywords);

    /// <summary>True when the whole message is one of <see cref="OptInKeywords"/>.</summary>
    public bool IsOptIn(string? text) => Matches(text, OptInKeywords);

    /// <summary>True when the whole message, ignoring case and surrounding space and punctuation, is a compliance keyword.</summary>
    public bool IsComplianceKeyword(string? text) => Matches(text, ComplianceKeywords);

    private static bool Matches(string? text, IReadOnlyList<string> keywords)
    {
        if (string.IsNullOrWhiteSpace(text) || keywords.Count == 0)
        {
            return false;
        }

        var word = text.Trim().TrimEnd('.', '!').Trim();
        foreach (var keyword in keywords)
        {
            if (string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
