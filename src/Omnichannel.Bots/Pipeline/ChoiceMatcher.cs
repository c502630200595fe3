using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>
/// Maps what a customer typed to one of the choices they were offered: "2" or "the second one" (by position),
/// the option's title or value, or (inside a sentence) a title or synonym that only one option has.
/// </summary>
internal static partial class ChoiceMatcher
{
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> NoSynonyms =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>
    /// The choice the whole message names, or null. Positions ("2", "option 2", "second", "last") count only when
    /// <paramref name="allowPositions"/> (the options were shown numbered, or a choice prompt is asking).
    /// </summary>
    public static Choice? MatchWhole(
        string? text,
        IReadOnlyList<Choice> choices,
        bool allowPositions,
        ImmutableDictionary<string, ImmutableArray<string>>? synonyms = null)
    {
        if (string.IsNullOrWhiteSpace(text) || choices.Count == 0)
        {
            return null;
        }

        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        foreach (var choice in choices)
        {
            if (Phrases(choice, synonyms ?? NoSynonyms).Contains(normalized))
            {
                return choice;
            }
        }

        return allowPositions && TryPosition(normalized, choices.Count, out var position) ? choices[position - 1] : null;
    }

    /// <summary>Every place in <paramref name="text"/> where an option's title, value or synonym stands as whole words.</summary>
    public static IReadOnlyList<Recognized<Choice>> FindInText(
        string? text,
        IReadOnlyList<Choice> choices,
        ImmutableDictionary<string, ImmutableArray<string>>? synonyms = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<Recognized<Choice>>();
        foreach (var choice in choices)
        {
            foreach (var phrase in Phrases(choice, synonyms ?? NoSynonyms))
            {
                var match = PhrasePattern(phrase).Match(text);
                if (match.Success)
                {
                    found.Add(new Recognized<Choice>(choice, match.Index, match.Length));
                    break;
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>Lower case, letters and digits only, single spaces.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static HashSet<string> Phrases(Choice choice, ImmutableDictionary<string, ImmutableArray<string>> synonyms)
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal) { Normalize(choice.Title), Normalize(choice.Value) };
        if (synonyms.TryGetValue(choice.Value, out var extra))
        {
            foreach (var synonym in extra)
            {
                phrases.Add(Normalize(synonym));
            }
        }

        phrases.Remove(string.Empty);
        return phrases;
    }

    private static bool TryPosition(string normalized, int count, out int position)
    {
        if (normalized == "last")
        {
            position = count;
            return true;
        }

        var numbered = PositionPattern().Match(normalized);
        if (numbered.Success)
        {
            position = int.Parse(numbered.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (!NumberRecognizer.TryParseOrdinal(normalized, out position))
        {
            return false;
        }

        return position >= 1 && position <= count;
    }

    private static Regex PhrasePattern(string normalizedPhrase)
    {
        var words = normalizedPhrase.Split(' ').Select(Regex.Escape);
        return RegexCache.Get(
            @"(?<![\p{L}\p{N}])" + string.Join(@"[^\p{L}\p{N}]+", words) + @"(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^(?:option |choice |number |no )?(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPattern();
}
