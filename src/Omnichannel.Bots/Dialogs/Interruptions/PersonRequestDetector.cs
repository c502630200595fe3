using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>
/// Tells whether a customer's message asks for a person, in en, es, fr, de, pt, it and nl, ignoring case and accents.
/// Follows <see cref="InterruptionWords"/>' rule: a single word ("agent", "humano", "Mitarbeiter") counts only as the
/// whole message, allowing polite filler around it ("an agent please", "quiero un humano"); a phrase of two or more
/// words ("talk to someone", "hablar con un agente", "parler à un conseiller", "mit einem Mitarbeiter sprechen",
/// "falar com um atendente") counts anywhere, unless one of the three words before it negates it ("I don't want to
/// talk to a human"). So "my agent code" and "is a human going to read this review" are not requests. English
/// includes every phrase of <see cref="InterruptionWords.Default"/>'s <see cref="InterruptionWords.Agent"/>.
/// Messages over 500 characters are never requests. Pure and thread-safe. This is the one detector: the dialog
/// runtime's "agent" interruption (with the channel's <see cref="InterruptionWords.Agent"/> phrases) and the handoff
/// routing (with the rules' <c>request_phrases</c>) both ask it.
/// </summary>
public sealed partial class PersonRequestDetector
{
    /// <summary>Messages longer than this are never requests (a pasted document is not a request).</summary>
    public const int MaxMessageLength = 500;

    private static readonly FrozenSet<string> Fillers = PersonRequestPhrases.Fillers.Select(TextFolding.Fold).ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> Negators = PersonRequestPhrases.Negators.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenSet<string> _words;
    private readonly FrozenDictionary<string, string[][]> _phrasesByFirstWord;

    /// <summary>
    /// The built-in phrases plus <paramref name="extraPhrases"/> (a channel's agent words, the routing rules'
    /// <c>request_phrases</c>), matched by the same rule.
    /// </summary>
    public PersonRequestDetector(IEnumerable<string>? extraPhrases = null)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        var all = PersonRequestPhrases.Words
            .Concat(InterruptionWords.Default.Agent)
            .Concat(PersonRequestPhrases.Phrases())
            .Concat(extraPhrases ?? []);
        foreach (var phrase in all)
        {
            if (string.IsNullOrWhiteSpace(phrase))
            {
                continue;
            }

            var folded = TextFolding.Fold(phrase);
            if (folded.Length == 0)
            {
                continue;
            }

            (folded.Contains(' ', StringComparison.Ordinal) ? phrases : words).Add(folded);
        }

        _words = words.ToFrozenSet(StringComparer.Ordinal);
        _phrasesByFirstWord = phrases
            .Select(p => p.Split(' '))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="text"/> asks for a person.</summary>
    public bool IsRequest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxMessageLength)
        {
            return false;
        }

        var content = TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Fillers.Contains(w)).ToList();
        if (content.Count == 1 && _words.Contains(content[0]))
        {
            return true;
        }

        foreach (var clause in ClauseSeparator().Split(text))
        {
            var tokens = TextFolding.Fold(clause).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < tokens.Length; i++)
            {
                if (_phrasesByFirstWord.TryGetValue(tokens[i], out var candidates)
                    && candidates.Any(phrase => StartsAt(tokens, i, phrase))
                    && !NegatedBefore(tokens, i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool StartsAt(string[] tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(tokens[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NegatedBefore(string[] tokens, int start)
    {
        for (var j = Math.Max(0, start - 3); j < start; j++)
        {
            // "don't" folds to "don t"; "can't" ("why can't I talk to a human") is not a refusal.
            var negator = tokens[j] == "t"
                ? j > 0 && tokens[j - 1] is "don" or "doesn" or "didn" or "won" or "wouldn"
                : Negators.Contains(tokens[j]);
            if (negator)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[,.;!?¿¡:\n]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ClauseSeparator();
}
