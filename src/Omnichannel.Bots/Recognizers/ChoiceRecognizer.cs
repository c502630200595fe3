using System.Collections.Immutable;

namespace Omnichannel.Bots.Recognizers;

/// <summary>
/// Reads which of several options a customer's text names, the way <see cref="ChoicePrompt"/> does: the option's
/// title or value, a position ("2", "the second one", "last"), or, inside a sentence, a title or synonym that only
/// one option has. For prompts and steps of your own that offer options and also accept something else (free text).
/// </summary>
public static class ChoiceRecognizer
{
    /// <summary>
    /// The option the customer picked: the one whose value is <paramref name="value"/> (a tapped button), the one the
    /// whole text names (positions count when <paramref name="allowPositions"/>), or the only option named inside the
    /// text; null when none or more than one is named.
    /// </summary>
    public static Choice? Recognize(
        string? text,
        string? value,
        IReadOnlyList<Choice> choices,
        ImmutableDictionary<string, ImmutableArray<string>>? synonyms = null,
        bool allowPositions = true)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (value is not null && choices.FirstOrDefault(c => c.Value == value) is { } tapped)
        {
            return tapped;
        }

        var whole = ChoiceMatcher.MatchWhole(text, choices, allowPositions, synonyms);
        if (whole is not null)
        {
            return whole;
        }

        var found = ChoiceMatcher.FindInText(text, choices, synonyms).Select(r => r.Value).Distinct().ToList();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>Every place in <paramref name="text"/> where an option's title, value or synonym stands as whole words, in order.</summary>
    public static IReadOnlyList<Recognized<Choice>> FindAll(
        string? text,
        IReadOnlyList<Choice> choices,
        ImmutableDictionary<string, ImmutableArray<string>>? synonyms = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return ChoiceMatcher.FindInText(text, choices, synonyms);
    }
}
