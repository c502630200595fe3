namespace Omnichannel.Bots.Journeys;

/// <summary>
/// The journey metrics over a time range, from the customers' event logs: the journeys that started in [from, to)
/// (each followed to its end, even past <c>to</c>) are cut by <see cref="JourneyBuilder"/> and counted as
/// <see cref="JourneyMetrics"/> documents.
/// </summary>
public static class JourneyMetricsCalculator
{
    /// <param name="events">Events of the customers to count, each customer's in log order (customers may interleave).</param>
    /// <param name="from">The range's start (inclusive).</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="options">The journey settings and cost table.</param>
    public static JourneyMetrics Compute(IEnumerable<JourneyEvent> events, DateTimeOffset from, DateTimeOffset to, JourneysOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var journeys = events
            .GroupBy(e => e.CustomerId, StringComparer.Ordinal)
            .SelectMany(customer => JourneyBuilder.Build([.. customer], options))
            .Where(j => j.StartedAt >= from && j.StartedAt < to)
            .OrderBy(j => j.StartedAt)
            .ThenBy(j => j.CustomerId, StringComparer.Ordinal)
            .ToList();
        var resolved = journeys.Where(j => j.Resolved).ToList();
        var crossChannel = journeys.Where(j => j.CrossChannel).ToList();
        var rated = journeys.Where(j => j.Rating is not null).ToList();
        var transitions = journeys.Sum(j => j.Transitions);
        var preserved = journeys.Sum(j => j.PreservedTransitions);
        var times = resolved.Select(j => j.TimeToResolution!.Value).Order().ToList();
        var totalCost = journeys.Sum(j => j.Cost);
        return new JourneyMetrics
        {
            From = from,
            To = to,
            Journeys = journeys.Count,
            Resolved = resolved.Count,
            ResolvedByBot = resolved.Count(j => j.ResolvedBy == JourneyResolver.Bot),
            ResolvedByAgent = resolved.Count(j => j.ResolvedBy == JourneyResolver.Agent),
            ResolutionRate = Rate(resolved.Count, journeys.Count),
            Transitions = transitions,
            PreservedTransitions = preserved,
            ContextPreservationRate = Rate(preserved, transitions),
            CrossChannelJourneys = crossChannel.Count,
            CrossChannelResolutionRate = Rate(crossChannel.Count(j => j.Resolved), crossChannel.Count),
            FirstContactResolutionRate = Rate(journeys.Count(j => j.ResolvedAtFirstContact), journeys.Count),
            RatedJourneys = rated.Count,
            CsatAverage = rated.Count == 0 ? null : rated.Average(j => (double)j.Rating!.Value),
            CsatSatisfiedRate = Rate(rated.Count(j => j.Rating >= 4), rated.Count),
            MeanTimeToResolution = times.Count == 0 ? null : TimeSpan.FromTicks((long)times.Average(t => t.Ticks)),
            MedianTimeToResolution = times.Count == 0 ? null : Median(times),
            TotalCost = totalCost,
            CostPerResolution = resolved.Count == 0 ? null : totalCost / resolved.Count,
            JourneyList = journeys,
        };
    }

    private static double? Rate(int count, int of) => of == 0 ? null : (double)count / of;

    private static TimeSpan Median(List<TimeSpan> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
