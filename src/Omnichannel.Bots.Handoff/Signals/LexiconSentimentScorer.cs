using System.Text;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// The default <see cref="ISentimentScorer"/>: a hand-written lexicon of customer-support language in the spirit of
/// VADER (its own word list, not VADER's). Each word or phrase (up to three words: "still waiting", "never arrived",
/// "refund now") has a valence; a negator in the three words before it ("not good", "isn't helpful", "no es bueno")
/// flips and dampens it; a booster ("very", "so", "extremely") strengthens it; a word in capitals ("USELESS") and
/// exclamation marks ("!!!") add emphasis; words before "but" count half and after it half again; emoji and emoticons
/// count in every language. The sum s is normalized as s / sqrt(s² + 15) and rounded to three decimals.
/// The lexicon is the locale's language (en, es, fr, de, pt); for another or no locale, or when the locale's lexicon
/// finds nothing, every lexicon at once. Pure, thread-safe, deterministic.
/// </summary>
public sealed partial class LexiconSentimentScorer : ISentimentScorer
{
    /// <summary>Only the first this many characters are scored.</summary>
    public const int MaxTextLength = 5_000;

    private const double NegationFactor = -0.6;
    private const double CapsEmphasis = 0.7;
    private const double ExclamationEmphasis = 0.3;
    private const int MaxExclamations = 4;
    private const double Alpha = 15;

    /// <inheritdoc />
    public double? Score(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var tokens = Tokenize(text);
        if (!tokens.Exists(t => (t.Kind == TokenKind.Word && t.Lower.Any(char.IsLetter)) || (t.Kind == TokenKind.Emoticon && t.Valence != 0)))
        {
            return null;
        }

        var lexicon = SentimentLexicon.For(SignalText.Language(locale));
        var (sum, hits) = lexicon is null ? (0d, 0) : Evaluate(tokens, lexicon);
        if (hits == 0)
        {
            (sum, _) = Evaluate(tokens, SentimentLexicon.All);
        }

        if (sum != 0)
        {
            var exclamations = Math.Min(MaxExclamations, text.Count(c => c == '!'));
            sum += Math.Sign(sum) * exclamations * ExclamationEmphasis;
        }

        var normalized = sum / Math.Sqrt((sum * sum) + Alpha);
        return Math.Round(Math.Clamp(normalized, -1, 1), 3, MidpointRounding.AwayFromZero);
    }

    private static (double Sum, int Hits) Evaluate(List<Token> tokens, SentimentLexicon lexicon)
    {
        var contrastAt = tokens.FindLastIndex(t => t.Kind == TokenKind.Word && lexicon.Contrast.Contains(t.Lower));
        var sum = 0d;
        var hits = 0;
        var clauseStart = 0;
        var skipUntil = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            double valence;
            if (token.Kind == TokenKind.Stop)
            {
                clauseStart = i + 1;
                continue;
            }

            if (token.Kind == TokenKind.Emoticon)
            {
                valence = token.Valence;
                if (valence == 0)
                {
                    continue;
                }
            }
            else
            {
                if (i < skipUntil || Lookup(tokens, i, lexicon, out var length) is not { } found)
                {
                    continue;
                }

                // "so slow", "super helpful": a booster before a lexicon word is only a booster.
                if (length == 1 && lexicon.Boosters.ContainsKey(token.Lower) && i + 1 < tokens.Count && Lookup(tokens, i + 1, lexicon, out _) is not null)
                {
                    continue;
                }

                skipUntil = i + length;
                valence = Modify(tokens, i, length, clauseStart, found, lexicon);
            }

            hits++;
            var weight = contrastAt < 0 ? 1 : i < contrastAt ? 0.5 : i > contrastAt ? 1.5 : 1;
            sum += valence * weight;
        }

        return (sum, hits);
    }

    /// <summary>Boosters, negation and capitals around the lexicon hit at <paramref name="start"/>.</summary>
    private static double Modify(List<Token> tokens, int start, int length, int clauseStart, double valence, SentimentLexicon lexicon)
    {
        var sign = Math.Sign(valence);
        var negated = false;
        for (var k = 1; k <= 3; k++)
        {
            var j = start - k;
            if (j < clauseStart || tokens[j].Kind != TokenKind.Word)
            {
                break;
            }

            var word = tokens[j].Lower;
            if (lexicon.Boosters.TryGetValue(word, out var boost))
            {
                valence += sign * boost * (1 - (0.05 * (k - 1)));
            }

            if (IsNegator(word, lexicon))
            {
                negated = true;
            }
        }

        for (var j = start; j < start + length; j++)
        {
            var original = tokens[j].Original;
            if (original.Length >= 3 && original.Any(char.IsLetter) && !original.Any(char.IsLower))
            {
                valence += sign * CapsEmphasis;
                break;
            }
        }

        return negated ? valence * NegationFactor : valence;
    }

    private static bool IsNegator(string word, SentimentLexicon lexicon)
    {
        if (lexicon.Negators.Contains(word))
        {
            return true;
        }

        // French elision: "n'est", "n'a".
        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        return apostrophe > 0 && lexicon.Negators.Contains(word[..apostrophe]);
    }

    /// <summary>The valence of the longest lexicon phrase starting at <paramref name="start"/>, and its length in words.</summary>
    private static double? Lookup(List<Token> tokens, int start, SentimentLexicon lexicon, out int length)
    {
        length = 0;
        if (tokens[start].Kind != TokenKind.Word)
        {
            return null;
        }

        var available = 0;
        while (available < lexicon.MaxPhraseWords && start + available < tokens.Count && tokens[start + available].Kind == TokenKind.Word)
        {
            available++;
        }

        var key = new StringBuilder();
        for (var n = available; n >= 1; n--)
        {
            key.Clear();
            for (var j = start; j < start + n; j++)
            {
                if (j > start)
                {
                    key.Append(' ');
                }

                key.Append(tokens[j].Lower);
            }

            if (lexicon.Words.TryGetValue(key.ToString(), out var valence))
            {
                length = n;
                return valence;
            }
        }

        // French and Italian elision: "l'horreur" → "horreur".
        var word = tokens[start].Lower;
        var apostrophe = word.LastIndexOf('\'');
        if (apostrophe > 0 && apostrophe < word.Length - 1 && lexicon.Words.TryGetValue(word[(apostrophe + 1)..], out var elided))
        {
            length = 1;
            return elided;
        }

        return null;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var normalized = text.Normalize(NormalizationForm.FormC).Replace('\u2019', '\'').Replace('\u02BC', '\'');
        foreach (Match match in TokenPattern().Matches(normalized))
        {
            if (match.Groups["word"].Success)
            {
                tokens.Add(new Token(TokenKind.Word, match.Value.ToLowerInvariant(), match.Value, 0));
            }
            else if (match.Groups["emo"].Success || match.Groups["pic"].Success)
            {
                var key = match.Groups["emo"].Success ? match.Value.Replace("-", string.Empty, StringComparison.Ordinal) : match.Value.Replace("\uFE0F", string.Empty, StringComparison.Ordinal);
                var valence = SentimentLexicon.Emoji.GetValueOrDefault(key);
                tokens.Add(new Token(TokenKind.Emoticon, key, match.Value, valence));
            }
            else
            {
                tokens.Add(new Token(TokenKind.Stop, match.Value, match.Value, 0));
            }
        }

        return tokens;
    }

    // Emoticons first (":)" is not punctuation), then words (with inner apostrophes: "isn't", "n'est"), punctuation, pictographs.
    [GeneratedRegex(
        @"(?<emo>(?<![\p{L}\p{N}])(?:>:-?\(|:'-?\(|:-?\){1,2}|:-?\({1,2}|:-?D(?![\p{L}\p{N}])|;-?\)|:-?/(?![/\p{L}\p{N}])|:-?\|)|<3)" +
        @"|(?<word>[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)*)" +
        @"|(?<stop>[.!?;,:\u00BF\u00A1]+)" +
        @"|(?<pic>\p{Cs}{2}\uFE0F?|[\u2600-\u27BF\u2B50]\uFE0F?)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TokenPattern();

    private enum TokenKind
    {
        Word,
        Emoticon,
        Stop,
    }

    private readonly record struct Token(TokenKind Kind, string Lower, string Original, double Valence);
}
