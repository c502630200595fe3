using System.Globalization;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Recognizers;

/// <summary>Reads one date expression that fills the whole (normalised) text; see <see cref="DateRecognizer"/>.</summary>
internal static partial class DateParser
{
    private const int YearsToSearch = 8;
    private const int MonthsToSearch = 12;

    private const string DayPattern =
        @"(?<d>\d{1,2}(?:st|nd|rd|th|\.)?|(?:(?:twenty|thirty)[ -])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
        + "|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";

    private enum Order
    {
        DayMonthYear,
        MonthDayYear,
        YearMonthDay,
    }

    /// <summary>Lower case, commas as spaces, no sentence punctuation at the end, single spaces.</summary>
    public static string Normalize(string text) =>
        SpacesPattern().Replace(text.ToLowerInvariant().Replace(',', ' '), " ").Trim().TrimEnd('.', '!', '?').Trim();

    /// <summary>
    /// Parses <paramref name="text"/> (normalised). Inside a longer message (<paramref name="inText"/>) a bare
    /// weekday abbreviation ("sat") or a bare day ("14th", "the fourteenth") is not taken for a date; "the 14th" is.
    /// </summary>
    public static bool TryParse(string text, CultureInfo culture, DateOnly today, DateDirection direction, bool inText, out DateOnly date)
    {
        if (text.StartsWith("on ", StringComparison.Ordinal))
        {
            text = text[3..];
        }

        if (TryParseCore(text, culture, today, direction, inText, out date))
        {
            return true;
        }

        // "Friday 20 March", "fri the 20th": the weekday must be the date's.
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0
            && DateWords.TryWeekday(text[..space].TrimEnd('.'), culture, allowAbbreviation: true, out var weekday)
            && (TryParseDayMonth(text[(space + 1)..], culture, today, direction, out date)
                || TryParseNumeric(text[(space + 1)..], culture, today, direction, out date)
                || TryParseDayOnly(text[(space + 1)..], today, direction, inText, out date)))
        {
            return date.DayOfWeek == weekday;
        }

        date = default;
        return false;
    }

    private static bool TryParseCore(string text, CultureInfo culture, DateOnly today, DateDirection direction, bool inText, out DateOnly date)
    {
        DateOnly? fixedDay = text switch
        {
            "today" or "tonight" or "this evening" or "this morning" or "this afternoon" => today,
            "tomorrow" or "tmrw" or "tmr" => today.AddDays(1),
            "yesterday" => today.AddDays(-1),
            "the day after tomorrow" or "day after tomorrow" => today.AddDays(2),
            "the day before yesterday" or "day before yesterday" => today.AddDays(-2),
            _ => null,
        };
        if (fixedDay is { } day)
        {
            date = day;
            return true;
        }

        return TryParseRelative(text, today, out date)
            || TryParseWeekday(text, culture, today, direction, inText, out date)
            || TryParseDayMonth(text, culture, today, direction, out date)
            || TryParseNumeric(text, culture, today, direction, out date)
            || TryParseDayOnly(text, today, direction, inText, out date);
    }

    private static bool TryParseRelative(string text, DateOnly today, out DateOnly date)
    {
        date = default;
        var match = RelativePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var amountText = match.Groups["n1"].Success ? match.Groups["n1"].Value : match.Groups["n2"].Value;
        int amount;
        if (amountText is "a" or "an")
        {
            amount = 1;
        }
        else if (!int.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out amount))
        {
            if (!NumberRecognizer.TryParseWords(amountText, out var words) || words != decimal.Truncate(words) || words is < 0 or > 3650)
            {
                return false;
            }

            amount = (int)words;
        }

        if (amount > 3650)
        {
            return false;
        }

        if (match.Groups["n2"].Success)
        {
            amount = -amount;
        }

        try
        {
            date = match.Groups["unit"].Value switch
            {
                "day" => today.AddDays(amount),
                "week" => today.AddDays(7 * amount),
                "month" => today.AddMonths(amount),
                _ => today.AddYears(amount),
            };
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryParseWeekday(string text, CultureInfo culture, DateOnly today, DateDirection direction, bool inText, out DateOnly date)
    {
        date = default;
        var match = WeekdayPattern().Match(text);
        var modifier = match.Groups["mod"].Value;
        if (!match.Success || !DateWords.TryWeekday(match.Groups["wd"].Value, culture, allowAbbreviation: !inText || modifier.Length > 0, out var weekday))
        {
            return false;
        }

        var firstDay = culture.DateTimeFormat.FirstDayOfWeek;
        var weekStart = today.AddDays(-(((int)today.DayOfWeek - (int)firstDay + 7) % 7));
        var thisWeek = weekStart.AddDays(((int)weekday - (int)firstDay + 7) % 7);
        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        var behind = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
        date = modifier switch
        {
            "this" => thisWeek,
            "next" => thisWeek.AddDays(7),
            "last" or "previous" => thisWeek.AddDays(-7),
            "coming" => today.AddDays(ahead == 0 ? 7 : ahead),
            "past" => today.AddDays(-(behind == 0 ? 7 : behind)),
            _ when direction == DateDirection.Past => today.AddDays(-(behind == 0 ? 7 : behind)),
            _ => today.AddDays(ahead == 0 ? 7 : ahead),
        };
        return true;
    }

    private static bool TryParseDayMonth(string text, CultureInfo culture, DateOnly today, DateDirection direction, out DateOnly date)
    {
        date = default;
        var match = DayMonthPattern().Match(text);
        if (!match.Success)
        {
            match = MonthDayPattern().Match(text);
        }

        if (!match.Success
            || !DateWords.TryMonth(match.Groups["m"].Value, culture, out var month)
            || !TryDay(match.Groups["d"].Value, requireSuffix: false, out var day))
        {
            return false;
        }

        return match.Groups["y"].Success
            ? TryCreate(int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), month, day, out date)
            : TryResolveMonthDay(month, day, today, direction, out date);
    }

    private static bool TryParseNumeric(string text, CultureInfo culture, DateOnly today, DateDirection direction, out DateOnly date)
    {
        date = default;
        var match = NumericPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var a = match.Groups["a"].Value;
        var b = int.Parse(match.Groups["b"].ValueSpan, CultureInfo.InvariantCulture);
        var separator = match.Groups["sep"].Value[0];
        var yearText = match.Groups["c"].Success ? match.Groups["c"].Value : null;
        if (a.Length == 4)
        {
            return yearText is { Length: 1 or 2 }
                && TryCreate(int.Parse(a, CultureInfo.InvariantCulture), b, int.Parse(yearText, CultureInfo.InvariantCulture), out date);
        }

        if (a.Length > 2 || yearText is { Length: 1 or 3 })
        {
            return false;
        }

        var first = int.Parse(a, CultureInfo.InvariantCulture);
        var (day, month) = OrderOf(culture) == Order.DayMonthYear ? (first, b) : (b, first);
        if (yearText is null)
        {
            var dateSeparator = culture.DateTimeFormat.DateSeparator;
            return (separator == '/' || (separator == '.' && dateSeparator == "."))
                && TryResolveMonthDay(month, day, today, direction, out date);
        }

        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        return TryCreate(yearText.Length == 2 ? 2000 + year : year, month, day, out date);
    }

    private static bool TryParseDayOnly(string text, DateOnly today, DateDirection direction, bool inText, out DateOnly date)
    {
        date = default;
        var match = DayOnlyPattern().Match(text);
        if (!match.Success || (inText && (!match.Groups["the"].Success || !char.IsAsciiDigit(match.Groups["d"].Value[0]))))
        {
            return false;
        }

        if (!TryDay(match.Groups["d"].Value, requireSuffix: true, out var day))
        {
            return false;
        }

        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i <= MonthsToSearch; i++)
        {
            var candidate = direction == DateDirection.Future ? month.AddMonths(i) : month.AddMonths(-i);
            if (day <= DateTime.DaysInMonth(candidate.Year, candidate.Month))
            {
                date = new DateOnly(candidate.Year, candidate.Month, day);
                if (direction == DateDirection.Future ? date >= today : date <= today)
                {
                    return true;
                }
            }
        }

        date = default;
        return false;
    }

    private static bool TryDay(string text, bool requireSuffix, out int day)
    {
        day = 0;
        text = text.TrimEnd('.');
        if (char.IsAsciiDigit(text[0]))
        {
            if (text.All(char.IsAsciiDigit))
            {
                if (requireSuffix)
                {
                    return false;
                }

                day = int.Parse(text, CultureInfo.InvariantCulture);
            }
            else if (!NumberRecognizer.TryParseOrdinalDigits(text, out day))
            {
                return false;
            }
        }
        else if (!EnglishNumberWords.TryParseOrdinal(text.Split(' ', '-'), out day))
        {
            return false;
        }

        return day is >= 1 and <= 31;
    }

    private static bool TryResolveMonthDay(int month, int day, DateOnly today, DateDirection direction, out DateOnly date)
    {
        for (var i = 0; i <= YearsToSearch; i++)
        {
            var year = direction == DateDirection.Future ? today.Year + i : today.Year - i;
            if (TryCreate(year, month, day, out date) && (direction == DateDirection.Future ? date >= today : date <= today))
            {
                return true;
            }
        }

        date = default;
        return false;
    }

    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static Order OrderOf(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        int d = pattern.IndexOf('d', StringComparison.Ordinal), m = pattern.IndexOf('M', StringComparison.Ordinal), y = pattern.IndexOf('y', StringComparison.Ordinal);
        if (y >= 0 && y < d && y < m)
        {
            return Order.YearMonthDay;
        }

        return d >= 0 && d < m ? Order.DayMonthYear : Order.MonthDayYear;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesPattern();

    [GeneratedRegex(@"^(?:in (?<n1>\d{1,4}|a|an|[a-z]+(?:[ -][a-z]+)*?) (?<unit>day|week|month|year)s?(?: time)?|(?<n2>\d{1,4}|a|an|[a-z]+(?:[ -][a-z]+)*?) (?<unit>day|week|month|year)s? (?:ago|back|earlier))$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^(?:(?<mod>this|next|last|previous|coming|past) )?(?<wd>\p{L}+)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"^(?:the )?" + DayPattern + @" (?:of )?(?<m>\p{L}+)\.?(?: (?<y>\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"^(?<m>\p{L}+)\.? (?:the )?" + DayPattern + @"(?: (?<y>\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"^(?<a>\d{1,4})(?<sep>[/.\-])(?<b>\d{1,2})(?:\k<sep>(?<c>\d{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericPattern();

    [GeneratedRegex(@"^(?<the>the )?" + DayPattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DayOnlyPattern();
}
