namespace Omnichannel.Bots;

/// <summary>
/// Finds an interruption in a message. When several match, a request for a person wins, then cancel, start over, help.
/// A request for a person is the <see cref="PersonRequestDetector"/>'s call (built with the channel's agent phrases);
/// a channel whose <see cref="InterruptionWords.Agent"/> is empty has no such interruption.
/// </summary>
internal static class InterruptionMatcher
{
    private static readonly Interruption[] Priority = [Interruption.Agent, Interruption.Cancel, Interruption.StartOver, Interruption.Help];

    public static Interruption? Match(string? text, InterruptionWords words, PersonRequestDetector persons)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            return null;
        }

        var normalized = ChoiceMatcher.Normalize(text);
        var bare = text.Trim();
        var padded = " " + normalized + " ";
        foreach (var interruption in Priority)
        {
            if (interruption == Interruption.Agent)
            {
                if (words.Agent.Count > 0 && persons.IsRequest(text))
                {
                    return interruption;
                }

                continue;
            }

            foreach (var phrase in words.For(interruption))
            {
                if (Matches(phrase, normalized, padded, bare))
                {
                    return interruption;
                }
            }
        }

        return null;
    }

    private static bool Matches(string phrase, string normalized, string padded, string bare)
    {
        var normalizedPhrase = ChoiceMatcher.Normalize(phrase);
        if (normalizedPhrase.Length == 0)
        {
            // A phrase of punctuation only, such as "?", matches the bare message.
            return string.Equals(bare, phrase, StringComparison.Ordinal);
        }

        return normalizedPhrase.Contains(' ', StringComparison.Ordinal)
            ? padded.Contains(" " + normalizedPhrase + " ", StringComparison.Ordinal)
            : normalized == normalizedPhrase;
    }
}
