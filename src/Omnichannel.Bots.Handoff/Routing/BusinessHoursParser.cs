using System.Globalization;

using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// Reads <c>business_hours: { time_zone, weekly: { mon-fri: "09:00-17:00", sat: ["10:00-12:00", "13:00-14:00"] },
/// closed: [2026-12-25] }</c>.
/// </summary>
internal static class BusinessHoursParser
{
    private static readonly string[] Keys = ["time_zone", "weekly", "closed"];

    private static readonly (string Name, DayOfWeek Day)[] Days =
    [
        ("mon", DayOfWeek.Monday), ("tue", DayOfWeek.Tuesday), ("wed", DayOfWeek.Wednesday), ("thu", DayOfWeek.Thursday),
        ("fri", DayOfWeek.Friday), ("sat", DayOfWeek.Saturday), ("sun", DayOfWeek.Sunday),
    ];

    /// <summary>Reads the mapping; <paramref name="keyLine"/> (the <c>business_hours:</c> key's line) is where a missing part is reported.</summary>
    public static BusinessHours? Parse(YamlNode node, int keyLine, RoutingDiagnosticBag bag)
    {
        if (!RuleReader.TryMapping(node, "'business_hours'", bag, out var map))
        {
            return null;
        }

        var ok = RuleReader.CheckKeys(map, Keys, "in 'business_hours'", bag);
        var zone = ReadZone(map, keyLine, bag, ref ok);
        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>();
        if (RuleReader.Get(map, "weekly") is { } weeklyNode)
        {
            ok &= ReadWeekly(weeklyNode, weekly, bag);
        }
        else
        {
            bag.Error(keyLine, "'business_hours' has no 'weekly' hours: add for example weekly: { mon-fri: \"09:00-17:00\" } (or remove business_hours to be open around the clock)");
            ok = false;
        }

        var closed = new HashSet<DateOnly>();
        if (RuleReader.Get(map, "closed") is { } closedNode)
        {
            ok &= ReadClosed(closedNode, closed, bag);
        }

        return ok && zone is not null ? new BusinessHours(zone, weekly, closed) : null;
    }

    private static TimeZoneInfo? ReadZone(YamlMappingNode map, int keyLine, RoutingDiagnosticBag bag, ref bool ok)
    {
        if (RuleReader.Get(map, "time_zone") is not { } zoneNode)
        {
            bag.Error(keyLine, "'business_hours' has no 'time_zone': add an IANA time zone such as Europe/London or America/New_York (or UTC)");
            ok = false;
            return null;
        }

        if (!RuleReader.TryText(zoneNode, "time_zone", bag, out var id))
        {
            ok = false;
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var suggestion = RuleText.Suggest(id, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id));
            bag.Error(zoneNode.Line(), $"unknown time zone '{RuleText.Clip(id, 40)}'{suggestion}; use an IANA id such as Europe/London or America/New_York");
            ok = false;
            return null;
        }
    }

    private static bool ReadWeekly(YamlNode node, Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>> weekly, RoutingDiagnosticBag bag)
    {
        if (!RuleReader.TryMapping(node, "'weekly'", bag, out var map))
        {
            return false;
        }

        var ok = true;
        var dayLines = new Dictionary<DayOfWeek, int>();
        foreach (var (keyNode, value) in map.Children)
        {
            var days = ParseDays(keyNode, bag);
            var ranges = ParseRanges(value, bag);
            if (days is null || ranges is null)
            {
                ok = false;
                continue;
            }

            foreach (var day in days)
            {
                if (dayLines.TryGetValue(day, out var firstLine))
                {
                    bag.Error(keyNode.Line(), $"{day} already has hours on line {firstLine.ToString(CultureInfo.InvariantCulture)}; give each day its hours once");
                    ok = false;
                    continue;
                }

                dayLines[day] = keyNode.Line();
                if (ranges.Count > 0)
                {
                    weekly[day] = ranges;
                }
            }
        }

        if (ok && weekly.Count == 0)
        {
            bag.Error(node.Line(), "'weekly' has no opening hours, so no one would ever answer: give at least one day its hours (or remove business_hours to be open around the clock)");
            ok = false;
        }

        return ok;
    }

    /// <summary>"mon", "monday", "mon-fri", "sat,sun", "fri-mon" (a range may run over the weekend).</summary>
    private static List<DayOfWeek>? ParseDays(YamlNode key, RoutingDiagnosticBag bag)
    {
        var days = new List<DayOfWeek>();
        foreach (var part in key.Text()!.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length > 2)
            {
                bag.Error(key.Line(), $"'{RuleText.Clip(part, 40)}' is not a day or a range of days (like mon, mon-fri or sat,sun)");
                return null;
            }

            var first = Day(ends[0], key.Line(), bag);
            var last = ends.Length == 2 ? Day(ends[1], key.Line(), bag) : first;
            if (first is null || last is null)
            {
                return null;
            }

            for (var i = first.Value; ; i = (i + 1) % 7)
            {
                days.Add(Days[i].Day);
                if (i == last.Value)
                {
                    break;
                }
            }
        }

        return days;
    }

    /// <summary>The index in <see cref="Days"/> (Monday = 0).</summary>
    private static int? Day(string text, int line, RoutingDiagnosticBag bag)
    {
        var lower = text.ToLowerInvariant();
        for (var i = 0; i < Days.Length; i++)
        {
            var full = Days[i].Day.ToString().ToLowerInvariant();
            if (lower == Days[i].Name || lower == full)
            {
                return i;
            }
        }

        var names = Days.Select(d => d.Name).Concat(Days.Select(d => d.Day.ToString().ToLowerInvariant()));
        bag.Error(line, $"unknown weekday '{RuleText.Clip(text, 40)}'{RuleText.Suggest(text, names)}; use mon, tue, wed, thu, fri, sat, sun (or the full names), ranges like mon-fri");
        return null;
    }

    /// <summary>"09:00-17:00", a list of such ranges, or "closed" (an empty list).</summary>
    private static List<OpeningRange>? ParseRanges(YamlNode node, RoutingDiagnosticBag bag)
    {
        IList<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        var ranges = new List<OpeningRange>();
        foreach (var item in items)
        {
            if (item.Text() is not { } text)
            {
                bag.Error(item.Line(), $"opening hours must be written \"09:00-17:00\" (or a list of such ranges, or closed), not {item.Kind()}");
                return null;
            }

            if (string.Equals(text.Trim(), "closed", StringComparison.OrdinalIgnoreCase) && items.Count == 1)
            {
                return ranges;
            }

            if (ParseRange(text, item.Line(), bag) is not { } range)
            {
                return null;
            }

            ranges.Add(range);
        }

        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i].Start < ranges[i - 1].End)
            {
                bag.Error(node.Line(), $"opening hours {ranges[i - 1]} and {ranges[i]} overlap");
                return null;
            }
        }

        return ranges;
    }

    private static OpeningRange? ParseRange(string text, int line, RoutingDiagnosticBag bag)
    {
        var ends = text.Split('-', StringSplitOptions.TrimEntries);
        if (ends.Length != 2)
        {
            bag.Error(line, $"'{RuleText.Clip(text, 40)}' is not a time range: write it \"09:00-17:00\"");
            return null;
        }

        var start = Time(ends[0], line, bag);
        var end = Time(ends[1], line, bag);
        if (start is null || end is null)
        {
            return null;
        }

        if (start.Value == TimeSpan.FromHours(24))
        {
            bag.Error(line, "a range cannot start at 24:00 (use 00:00)");
            return null;
        }

        if (end.Value <= start.Value)
        {
            bag.Error(line, end.Value == start.Value
                ? $"'{text.Trim()}' opens and closes at the same time"
                : $"'{text.Trim()}' ends before it starts; hours past midnight are written as two ranges on two days, like fri: \"22:00-24:00\" and sat: \"00:00-02:00\"");
            return null;
        }

        return new OpeningRange(start.Value, end.Value);
    }

    /// <summary>HH:MM from 00:00 to 24:00.</summary>
    private static TimeSpan? Time(string text, int line, RoutingDiagnosticBag bag)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && parts[0].Length is 1 or 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            if (hours < 24 && minutes < 60 || hours == 24 && minutes == 0)
            {
                return new TimeSpan(hours, minutes, 0);
            }

            bag.Error(line, $"'{RuleText.Clip(text, 20)}' is not a time of day: hours go from 00 to 23 (24:00 for the end of the day) and minutes from 00 to 59");
            return null;
        }

        bag.Error(line, $"'{RuleText.Clip(text, 20)}' is not a time: write it HH:MM, like 09:00");
        return null;
    }

    private static bool ReadClosed(YamlNode node, HashSet<DateOnly> closed, RoutingDiagnosticBag bag)
    {
        if (node.IsNothing())
        {
            return true;
        }

        if (node is not YamlSequenceNode sequence)
        {
            bag.Error(node.Line(), $"'closed' must be a list of dates like [2026-12-25, 2026-12-26], not {node.Kind()}");
            return false;
        }

        var ok = true;
        foreach (var item in sequence.Children)
        {
            if (item.Text() is { } text && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                closed.Add(date);
            }
            else
            {
                bag.Error(item.Line(), $"{item.Kind()} is not a date: write dates as YYYY-MM-DD, like 2026-12-25");
                ok = false;
            }
        }

        return ok;
    }
}
