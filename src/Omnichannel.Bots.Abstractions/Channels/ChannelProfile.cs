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

    /// <summary>
    /// Words that opt the sender back in only while they are opted out (SMS YES); otherwise they are ordinary dialog
    /// input (the answer to a confirm prompt).
    /// </summary>
    public IReadOnlyList<string> OptInWhenOptedOutKeywords { get; init; } = [];

    /// <summary>Compliance keywords that ask for help (SMS HELP, INFO).</summary>
    public IReadOnlyList<string> HelpKeywords { get; init; } = [];

    /// <summary>
    /// Who answers the compliance keywords: the provider (default; the bot records and stays silent) or the bot, with
    /// <see cref="KeywordTexts"/>.
    /// </summary>
    public KeywordReplies KeywordReplies { get; init; } = KeywordReplies.Provider;

    /// <summary>The bot's answers to keywords when <see cref="KeywordReplies"/> is <see cref="KeywordReplies.Bot"/>.</summary>
    public KeywordTexts KeywordTexts { get; init; } = new();

    /// <summary>
    /// What the whole message (trimmed, any case, a trailing "." or "!" ignored) means as a keyword for a sender who is
    /// (<paramref name="optedOut"/>) or is not opted out. "cancel my order" is <see cref="KeywordKind.None"/>.
    /// </summary>
    public KeywordKind KeywordOf(string? text, bool optedOut) =>
        IsOptOut(text) ? KeywordKind.OptOut
        : Matches(text, OptInKeywords) || (optedOut && Matches(text, OptInWhenOptedOutKeywords)) ? KeywordKind.OptIn
        : Matches(text, HelpKeywords) ? KeywordKind.Help
        : IsComplianceKeyword(text) ? KeywordKind.Other
        : KeywordKind.None;

    /// <summary>True when the whole message is one of <see cref="OptOutKeywords"/>.</summary>
    public bool IsOptOut(string? text) => Matches(text, OptOutKeywords);

    /// <summary>
    /// True when the whole message is one of <see cref="OptInKeywords"/> or <see cref="OptInWhenOptedOutKeywords"/>;
    /// the latter lifts an opt-out but never sets anything when there is none, so storing it as an opt-in is safe.
    /// </summary>
    public bool IsOptIn(string? text) => Matches(text, OptInKeywords) || Matches(text, OptInWhenOptedOutKeywords);

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
