using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Recognizers;

/// <summary>
/// Numbers in digits as the customer's culture writes them ("1,250.50" in en-US, "1.250,50" in de-DE), with an
/// optional sign, a "k" suffix ("5k" is 5000) or a scale word ("2.5 million"), and in English words ("twenty-one",
/// "one hundred and five", "a dozen", "two and a half").
/// </summary>
/// <remarks>
/// In free text (<see cref="FindAll"/>) digits glued to letters ("abc123", "12abc", "2nd") are not numbers; a run of
/// digit groups that looks like a phone number ("+44 20 7946 0000", "(650) 253-0000") is skipped whole rather than
/// split into numbers; dates, times and ranges ("3/14", "10:30", "3-5") are skipped; and "one" after a determiner or
/// an ordinal ("the one I ordered", "this one", "the second one") is a pronoun, not a number ("just one" is 1).
/// </remarks>
public static partial class NumberRecognizer
{
    private static readonly FrozenSet<string> OneDeterminers = new[]
    {
        "the", "this", "that", "which", "no", "any", "every", "each", "some", "another", "other", "a", "an", "same",
        "right", "wrong", "new", "old", "big", "small", "last", "next", "red", "blue", "black", "white", "green",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Reads the whole text as one number.</summary>
    public static bool TryParse(string? text, CultureInfo culture, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(culture);
        value = 0;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        return TryParseDigits(trimmed, culture.NumberFormat, out value) || TryParseWords(trimmed, out value);
    }

    /// <summary>Every number in the text, in order, with its span.</summary>
    public static IReadOnlyList<Recognized<decimal>> FindAll(string? text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<Recognized<decimal>>();
        NumberFinder.FindDigits(text, culture.NumberFormat, found);
        FindWords(text, found);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// Reads a position: "first", "2nd", "the second one", "third option", "twenty-first", "option two", "number 3".
    /// "last" is not a position here (it needs the number of options; <c>ChoiceMatcher</c> handles it).
    /// </summary>
    public static bool TryParseOrdinal(string? text, out int position)
    {
        position = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = Words(text);
        if (words is ["the", ..])
        {
            words.RemoveAt(0);
        }

        if (words is ["option" or "choice" or "number" or "no" or "item", _, ..])
        {
            return TryParsePositionNumber(words.Skip(1).ToList(), out position);
        }

        if (words is [.., "one" or "option" or "choice" or "item"] && words.Count > 1)
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words is [var single] && TryParseOrdinalDigits(single, out position))
        {
            return true;
        }

        return EnglishNumberWords.TryParseOrdinal(words, out position);
    }

    private static bool TryParsePositionNumber(List<string> words, out int position)
    {
        position = 0;
        decimal value;
        if (words is [var digits] && digits.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return false;
            }

            value = parsed;
        }
        else if (!EnglishNumberWords.TryParseCardinal(words, out value))
        {
            return false;
        }

        if (value is < 1 or > 99 || decimal.Truncate(value) != value)
        {
            return false;
        }

        position = (int)value;
        return true;
    }

    /// <summary>Reads "1st", "2nd", "3rd", "4th", "11th", "22nd" (the suffix must fit the number).</summary>
    internal static bool TryParseOrdinalDigits(string word, out int value)
    {
        value = 0;
        var match = OrdinalDigitsPattern().Match(word);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
        {
            return false;
        }

        var expected = (number % 100, number % 10) switch
        {
            ( >= 11 and <= 13, _) => "th",
            (_, 1) => "st",
            (_, 2) => "nd",
            (_, 3) => "rd",
            _ => "th",
        };
        if (!string.Equals(match.Groups[2].Value, expected, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        value = number;
        return true;
    }

    internal static bool TryParseWords(string text, out decimal value)
    {
        value = 0;
        return WordsOnlyPattern().IsMatch(text) && EnglishNumberWords.TryParseCardinal(Words(text), out value);
    }

    private static bool TryParseDigits(string text, NumberFormatInfo format, out decimal value)
    {
        value = 0;
        var match = WholeDigitsPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        if (!DigitNumber.TryParse(match.Groups["number"].ValueSpan, format, out value))
        {
            return false;
        }

        if (match.Groups["k"].Success)
        {
            value *= 1000m;
        }
        else if (match.Groups["scale"].Success)
        {
            value *= NumberFinder.Scale(match.Groups["scale"].Value);
        }

        if (match.Groups["sign"].Value is "-" or "\u2212")
        {
            value = -value;
        }

        return true;
    }

    private static void FindWords(string text, List<Recognized<decimal>> found)
    {
        var words = WordPattern().Matches(text);
        var i = 0;
        while (i < words.Count)
        {
            var word = words[i].Value.ToLowerInvariant();
            if (!EnglishNumberWords.CanStart(word) || Overlaps(found, words[i].Index))
            {
                i++;
                continue;
            }

            var last = i;
            while (last + 1 < words.Count
                && EnglishNumberWords.IsNumberWord(words[last + 1].Value.ToLowerInvariant())
                && IsWordGap(text.AsSpan(words[last].Index + words[last].Length, words[last + 1].Index - words[last].Index - words[last].Length))
                && !Overlaps(found, words[last + 1].Index))
            {
                last++;
            }

            var matched = false;
            for (var end = last; end >= i; end--)
            {
                var list = new List<string>();
                for (var k = i; k <= end; k++)
                {
                    list.Add(words[k].Value.ToLowerInvariant());
                }

                if ((list is ["one"] && IsPronounOne(text, words[i].Index)) || !EnglishNumberWords.TryParseCardinal(list, out var value))
                {
                    continue;
                }

                var start = words[i].Index;
                found.Add(new Recognized<decimal>(value, start, words[end].Index + words[end].Length - start));
                i = end + 1;
                matched = true;
                break;
            }

            if (!matched)
            {
                i++;
            }
        }
    }

    /// <summary>"the one I ordered", "this one", "the second one": "one" after a determiner or an ordinal is not a number.</summary>
    private static bool IsPronounOne(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        var wordStart = before.Length;
        while (wordStart > 0 && char.IsLetterOrDigit(before[wordStart - 1]))
        {
            wordStart--;
        }

        var previous = before[wordStart..].ToString().ToLowerInvariant();
        return previous.Length > 0 && (OneDeterminers.Contains(previous) || TryParseOrdinal(previous, out _));
    }

    private static bool Overlaps(List<Recognized<decimal>> found, int index) =>
        found.Exists(r => index >= r.Start && index < r.Start + r.Length);

    private static bool IsWordGap(ReadOnlySpan<char> gap) => gap is "-" || (!gap.IsEmpty && gap.IsWhiteSpace());

    private static List<string> Words(string text) =>
        [.. WordSplitPattern().Split(text.Trim().ToLowerInvariant()).Where(w => w.Length > 0)];

    [GeneratedRegex(@"^(?<sign>[-+\u2212])?(?<number>[\d.,'\u2019 \u00A0\u202F]*\d)(?:(?<k>[kK])|\s+(?<scale>thousand|million|billion))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WholeDigitsPattern();

    [GeneratedRegex(@"^[\p{L}\s-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WordsOnlyPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSplitPattern();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(\d{1,3})(st|nd|rd|th)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalDigitsPattern();
}
