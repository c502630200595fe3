using System.Globalization;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Recognizers;

/// <summary>Finds numbers written in digits inside free text (see <see cref="NumberRecognizer"/> for the rules).</summary>
internal static partial class NumberFinder
{
    private const int PhoneDigits = 7;
    private const string Spaces = " \u00A0\u202F";

    public static decimal Scale(string word) => word.ToLowerInvariant() switch
    {
        "thousand" => 1_000m,
        "million" => 1_000_000m,
        "billion" => 1_000_000_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(word), word, "Not a scale word."),
    };

    public static void FindDigits(string text, NumberFormatInfo format, List<Recognized<decimal>> found)
    {
        foreach (Match cluster in ClusterPattern().Matches(text))
        {
            var core = cluster.Groups["core"];
            var runs = DigitRunPattern().Matches(core.Value);
            var wrapped = cluster.Groups["open"].Value == "(" && cluster.Groups["close"].Success;
            var phoneMarks = cluster.Groups["open"].Value == "+" || (!wrapped && cluster.Value.AsSpan().IndexOfAny('(', ')') >= 0);
            if (runs.Count == 1 && !phoneMarks)
            {
                Add(text, format, core.Index, core.Length, found);
                continue;
            }

            if (!phoneMarks && DigitNumber.TryParse(core.ValueSpan, format, out _))
            {
                Add(text, format, core.Index, core.Length, found);
                continue;
            }

            var digitCount = runs.Sum(r => r.Length);
            if (phoneMarks || (digitCount >= PhoneDigits && PhoneJoinersOnly(core.ValueSpan)))
            {
                continue;
            }

            var offset = 0;
            foreach (var part in core.Value.Split([' ', '\u00A0', '\u202F']))
            {
                if (part.Length > 0 && part.AsSpan().IndexOfAny('/', ':', '-') < 0)
                {
                    Add(text, format, core.Index + offset, part.Length, found);
                }

                offset += part.Length + 1;
            }
        }
    }

    private static void Add(string text, NumberFormatInfo format, int start, int length, List<Recognized<decimal>> found)
    {
        if (!DigitNumber.TryParse(text.AsSpan(start, length), format, out var value))
        {
            return;
        }

        var end = start + length;
        if (start >= 2 && text[start - 1] is '-' or '.' or ',' or '/' && char.IsLetterOrDigit(text[start - 2]))
        {
            return;
        }

        if (end < text.Length && char.IsLetter(text[end]))
        {
            if (text[end] is not ('k' or 'K') || (end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])))
            {
                return;
            }

            value *= 1000m;
            end++;
        }
        else
        {
            var scale = ScalePattern().Match(text, end);
            if (scale.Success)
            {
                value *= Scale(scale.Groups[1].Value);
                end = scale.Index + scale.Length;
            }
        }

        if (start >= 1 && text[start - 1] is '-' or '\u2212' && (start == 1 || char.IsWhiteSpace(text[start - 2]) || text[start - 2] == '('))
        {
            value = -value;
            start--;
        }

        found.Add(new Recognized<decimal>(value, start, end - start));
    }

    private static bool PhoneJoinersOnly(ReadOnlySpan<char> core)
    {
        foreach (var c in core)
        {
            if (!char.IsAsciiDigit(c) && !Spaces.Contains(c, StringComparison.Ordinal) && c is not ('-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?<open>[+(])?(?<core>\d+(?:(?:[ \u00A0\u202F.,\-/:'\u2019]|\)[ \u00A0\u202F\-]?|[ \u00A0\u202F]\()\d+)*)(?<close>\))?", RegexOptions.CultureInvariant)]
    private static partial Regex ClusterPattern();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex(@"\G\s+(thousand|million|billion)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScalePattern();
}
