using System.Globalization;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// When people answer: opening hours per weekday in a time zone, and closed dates. Times are local to the zone, so a
/// daylight-saving change moves the opening in UTC; an opening time that does not exist on the day the clocks go forward
/// (01:30 in London) opens when they do (02:00 summer time: the wall clock then shows a time past the opening).
/// </summary>
public sealed class BusinessHours
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly TimeZoneInfo? _zone;
    private readonly IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningRange>> _weekly;
    private readonly IReadOnlySet<DateOnly> _closed;

    private BusinessHours()
    {
        _weekly = new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>();
        _closed = new HashSet<DateOnly>();
    }

    internal BusinessHours(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningRange>> weekly, IReadOnlySet<DateOnly> closed)
    {
        _zone = zone;
        _weekly = weekly;
        _closed = closed;
    }

    /// <summary>Always open (no hours configured).</summary>
    public static BusinessHours Always { get; } = new();

    /// <summary>True when the hours are configured (not <see cref="Always"/>).</summary>
    public bool IsConfigured => _zone is not null;

    /// <summary>The time zone id the hours are written in; null for <see cref="Always"/>.</summary>
    public string? TimeZoneId => _zone?.Id;

    public bool IsOpen(DateTimeOffset at)
    {
        if (_zone is null)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(at, _zone);
        if (_closed.Contains(DateOnly.FromDateTime(local.DateTime)))
        {
            return false;
        }

        return _weekly.TryGetValue(local.DayOfWeek, out var ranges) && ranges.Any(r => r.Contains(local.TimeOfDay));
    }

    /// <summary>
    /// The next time it opens after <paramref name="at"/>: <paramref name="at"/> itself when it is open then; null when
    /// always open.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset at)
    {
        if (_zone is null)
        {
            return null;
        }

        if (IsOpen(at))
        {
            return at;
        }

        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

        // Every week has an opening (the parser requires one), and each closed date can cancel at most one week's.
        var horizon = (_closed.Count + 1) * 7;
        for (var day = 0; day <= horizon; day++)
        {
            var date = localDate.AddDays(day);
            if (_closed.Contains(date) || !_weekly.TryGetValue(date.DayOfWeek, out var ranges))
            {
                continue;
            }

            foreach (var range in ranges)
            {
                var opening = ToInstant(date.ToDateTime(TimeOnly.MinValue) + range.Start);
                var closing = ToInstant(date.ToDateTime(TimeOnly.MinValue) + range.End);
                if (opening > at && opening < closing)
                {
                    return opening;
                }
            }
        }

        return null;
    }

    /// <summary>A moment in the hours' time zone, for customers: "Saturday 09:00 (Europe/London)".</summary>
    public string FormatLocal(DateTimeOffset at)
    {
        var zone = _zone ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("dddd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " (" + zone.Id + ")";
    }

    /// <summary>The hours in words for customers ("Monday to Friday 09:00-17:00, Saturday 10:00-14:00 (Europe/London)").</summary>
    public string Describe()
    {
        if (_zone is null)
        {
            return "around the clock";
        }

        var parts = new List<string>();
        for (var i = 0; i < Week.Length;)
        {
            var hours = HoursOf(Week[i]);
            var j = i;
            while (j + 1 < Week.Length && string.Equals(HoursOf(Week[j + 1]), hours, StringComparison.Ordinal))
            {
                j++;
            }

            if (hours.Length > 0)
            {
                var days = i == j ? Name(Week[i]) : j == i + 1 ? $"{Name(Week[i])} and {Name(Week[j])}" : $"{Name(Week[i])} to {Name(Week[j])}";
                parts.Add($"{days} {hours}");
            }

            i = j + 1;
        }

        return $"{string.Join(", ", parts)} ({_zone.Id})";
    }

    private string HoursOf(DayOfWeek day) =>
        _weekly.TryGetValue(day, out var ranges) ? string.Join(" and ", ranges.Select(r => r.ToString())) : string.Empty;

    private static string Name(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);

    /// <summary>
    /// A local wall-clock time as an instant: a time skipped when the clocks go forward becomes the moment they do (the
    /// wall clock then already shows a later time), an ambiguous one takes its first occurrence.
    /// </summary>
    private DateTimeOffset ToInstant(DateTime local)
    {
        var zone = _zone!;
        if (zone.IsInvalidTime(local))
        {
            // Opening times are whole minutes, and so are the gaps: the first valid minute is the end of the gap.
            var after = local;
            for (var steps = 0; steps < 24 * 60 && zone.IsInvalidTime(after); steps++)
            {
                after = after.AddMinutes(1);
            }

            return new DateTimeOffset(after, zone.GetUtcOffset(after));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
