using System.Globalization;
using System.Text;

namespace Omnichannel.Bots.Recognizers;

/// <summary>
/// Yes or no as the whole message, in the many ways people write it: "yes", "y", "yeah", "yep", "sure", "ok",
/// "correct", "that's right", "yes please", "👍"; "no", "n", "nope", "nah", "no thanks", "not really", "👎".
/// Case, punctuation and drawn-out letters ("yesss", "noooo") don't matter. The message must be made only of
/// answers of one kind plus politeness ("yes please", "no, thank you"); "yes and no", "not sure" and "maybe" are
/// not answers. Spanish, French, German and Portuguese yes/no words are added for those cultures.
/// </summary>
public static class ConfirmRecognizer
{
    private const int MaxPhraseWords = 4;

    /// <summary>Reads the whole text as yes (true) or no (false).</summary>
    public static bool TryParse(string? text, CultureInfo culture, out bool value)
    {
        ArgumentNullException.ThrowIfNull(culture);
        value = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = Tokenize(text);
        if (words.Count == 0)
        {
            return false;
        }

        var phrases = ConfirmPhrases.For(culture);
        bool? answer = null;
        var position = 0;
        while (position < words.Count)
        {
            if (!TryMatchPhrase(words, position, phrases, out var kind, out var length))
            {
                return false;
            }

            if (kind != ConfirmPhrases.Filler)
            {
                var yes = kind == ConfirmPhrases.Yes;
                if (answer is { } previous && previous != yes)
                {
                    return false;
                }

                answer = yes;
            }

            position += length;
        }

        value = answer ?? false;
        return answer.HasValue;
    }

    private static bool TryMatchPhrase(List<string> words, int position, IReadOnlyDictionary<string, int> phrases, out int kind, out int length)
    {
        for (length = Math.Min(MaxPhraseWords, words.Count - position); length >= 1; length--)
        {
            var phrase = string.Join(' ', words.Skip(position).Take(length));
            if (phrases.TryGetValue(phrase, out kind))
            {
                return true;
            }

            if (length == 1 && phrases.TryGetValue(CollapseRepeats(phrase), out kind))
            {
                return true;
            }
        }

        kind = 0;
        return false;
    }

    /// <summary>Lower-case words without apostrophes or punctuation; yes/no emoji become the words "yes" and "no".</summary>
    private static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text.Normalize(NormalizationForm.FormC));
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (ConfirmPhrases.TryEmoji(element, out var emojiWord))
            {
                Flush(words, current);
                words.Add(emojiWord);
            }
            else if (element.Length == 1 && element[0] is '\'' or '\u2019')
            {
                continue;
            }
            else if (char.IsLetterOrDigit(element, 0))
            {
                current.Append(element.ToLowerInvariant());
            }
            else
            {
                Flush(words, current);
            }
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    private static string CollapseRepeats(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
