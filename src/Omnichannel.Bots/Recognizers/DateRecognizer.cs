using System.Globalization;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Recognizers;

/// <summary>
/// Dates in English (and the culture's month and weekday names): "today", "tomorrow", "yesterday", "the day after
/// tomorrow", "in 3 days", "2 weeks ago", "friday", "this/next/last friday", "14 March", "March 14th",
/// "the 14th of March", "14 Mar 2026", "Friday 20 March", "the 14th", ISO "2026-03-14", and numeric dates in the
/// culture's order ("3/14/2026" en-US, "14/03/2026" en-GB; "3/14" and "14/03" without a year).
/// </summary>
/// <remarks>
/// Resolution: a bare weekday is the next one after today (<see cref="DateDirection.Future"/>) or the last one before
/// today (<see cref="DateDirection.Past"/>), never today itself. "this friday" is the Friday of the current week (the
/// week starts on the culture's first day of week), "next friday" the Friday of the following week, "last friday" the
/// Friday of the previous week; "coming friday" and "past friday" are the nearest ones. A date without a year, and
/// "the 14th", is the nearest such date on or after today (Future) or on or before today (Past). Numeric dates follow
/// the culture strictly ("13/3/2026" is not a date in en-US). Invalid dates ("31 February", "13/13/2026") are rejected.
/// </remarks>
public static partial class DateRecognizer
{
    private const int MaxTokens = 8;

    /// <summary>Reads the whole text as one date.</summary>
    public static bool TryParse(string? text, CultureInfo culture, DateOnly today, DateDirection direction, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(culture);
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return DateParser.TryParse(DateParser.Normalize(text), culture, today, direction, inText: false, out date);
    }

    /// <summary>Every date in the text, in order, with its span (the longest reading at each place wins).</summary>
    public static IReadOnlyList<Recognized<DateOnly>> FindAll(string? text, CultureInfo culture, DateOnly today, DateDirection direction)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = TokenPattern().Matches(text);
        var found = new List<Recognized<DateOnly>>();
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = false;
            if (tokens[i].ValueSpan.Equals("on", StringComparison.OrdinalIgnoreCase))
            {
                i++;
                continue;
            }

            for (var last = Math.Min(tokens.Count, i + MaxTokens) - 1; last >= i && !matched; last--)
            {
                if (!GapsAreSpaces(text, tokens, i, last))
                {
                    continue;
                }

                var start = tokens[i].Index;
                var length = tokens[last].Index + tokens[last].Length - start;
                if (DateParser.TryParse(DateParser.Normalize(text.Substring(start, length)), culture, today, direction, inText: true, out var date))
                {
                    found.Add(new Recognized<DateOnly>(date, start, length));
                    i = last + 1;
                    matched = true;
                }
            }

            if (!matched)
            {
                i++;
            }
        }

        return found;
    }

    private static bool GapsAreSpaces(string text, MatchCollection tokens, int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            var gapStart = tokens[k].Index + tokens[k].Length;
            var gap = text.AsSpan(gapStart, tokens[k + 1].Index - gapStart);
            foreach (var c in gap)
            {
                if (!char.IsWhiteSpace(c) && c is not (',' or '.' or '-'))
                {
                    return false;
                }
            }

            if (gap.IsEmpty || gap.Count('.') + gap.Count(',') > 1)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\d{1,4}(?:[/.\-]\d{1,4}){1,2}|\d{1,4}(?:st|nd|rd|th)?|\p{L}+)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TokenPattern();
}
