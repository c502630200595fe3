namespace Omnichannel.Bots;

/// <summary>
/// A channel and what it can do. <see cref="ComplianceKeywords"/> are whole-message words that belong to the
/// carrier or platform (SMS STOP, HELP, ...): the bot records them but never treats them as dialog input.
/// </summary>
public sealed record ChannelProfile(ChannelId Channel, ChannelCapabilities Capabilities)
{
    public IReadOnlyList<string> ComplianceKeywords { get; init; } = [];

    /// <summary>True when the whole message, ignoring case and surrounding space and punctuation, is a compliance keyword.</summary>
    public bool IsComplianceKeyword(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || ComplianceKeywords.Count == 0)
        {
            return false;
        }

        var word = text.Trim().TrimEnd('.', '!').Trim();
        foreach (var keyword in ComplianceKeywords)
        {
            if (string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
