using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace Omnichannel.Bots.Recognizers;

/// <summary>Month and weekday names: English always, plus the culture's own names.</summary>
internal static class DateWords
{
    private static readonly FrozenDictionary<string, int> EnglishMonths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DayOfWeek> EnglishWeekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DayOfWeek> EnglishWeekdayAbbreviations = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, (FrozenDictionary<string, int> Months, FrozenDictionary<string, DayOfWeek> Weekdays)> ByCulture =
        new(StringComparer.Ordinal);

    public static bool TryMonth(string word, CultureInfo culture, out int month) =>
        EnglishMonths.TryGetValue(word, out month) || For(culture).Months.TryGetValue(word, out month);

    /// <summary>A weekday's full name; abbreviations ("fri") only when <paramref name="allowAbbreviation"/>.</summary>
    public static bool TryWeekday(string word, CultureInfo culture, bool allowAbbreviation, out DayOfWeek day) =>
        EnglishWeekdays.TryGetValue(word, out day)
        || For(culture).Weekdays.TryGetValue(word, out day)
        || (allowAbbreviation && EnglishWeekdayAbbreviations.TryGetValue(word, out day));

    private static (FrozenDictionary<string, int> Months, FrozenDictionary<string, DayOfWeek> Weekdays) For(CultureInfo culture) =>
        ByCulture.GetOrAdd(culture.Name, _ =>
        {
            var format = culture.DateTimeFormat;
            var months = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < 12; i++)
            {
                AddName(months, format.MonthNames[i], i + 1);
                AddName(months, format.MonthGenitiveNames[i], i + 1);
                AddName(months, format.AbbreviatedMonthNames[i], i + 1);
            }

            var weekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
            for (var i = 0; i < 7; i++)
            {
                AddName(weekdays, format.DayNames[i], (DayOfWeek)i);
            }

            return (months.ToFrozenDictionary(StringComparer.Ordinal), weekdays.ToFrozenDictionary(StringComparer.Ordinal));
        });

    private static void AddName<T>(Dictionary<string, T> names, string name, T value)
    {
        var key = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (key.Length > 1)
        {
            names.TryAdd(key, value);
        }
    }
}
