using System.Globalization;

namespace Omnichannel.Bots.Journeys;

/// <summary>
/// The time range of a metrics request, read from text the same way by <c>omnibot metrics --from --to</c> and
/// <c>GET /api/agent/metrics?from=&amp;to=</c>: a date (<c>2026-03-01</c>, midnight UTC) or an ISO 8601 time (UTC when it
/// names no offset). <c>to</c> defaults to now; the range must not be empty.
/// </summary>
public static class MetricsRange
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    /// <summary>The range, or a problem naming the parameter and the value given.</summary>
    public static (DateTimeOffset From, DateTimeOffset To, string? Problem) Parse(string? from, string? to, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return (default, default, "'from' is missing: give a date (2026-03-01) or an ISO 8601 time (2026-03-01T08:00:00Z).");
        }

        if (Time(from) is not { } start)
        {
            return (default, default, $"'from' must be a date (2026-03-01) or an ISO 8601 time (2026-03-01T08:00:00Z), not '{from}'.");
        }

        var end = now;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (Time(to) is not { } parsed)
            {
                return (default, default, $"'to' must be a date (2026-04-01) or an ISO 8601 time (2026-04-01T00:00:00Z), not '{to}'.");
            }

            end = parsed;
        }

        return end <= start
            ? (default, default, $"'to' ({end:O}) must be after 'from' ({start:O}).")
            : (start, end, null);
    }

    private static DateTimeOffset? Time(string text)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time) && text.Contains('T', StringComparison.Ordinal)
            ? time
            : null;
    }
}
