namespace Omnichannel.Bots.Journeys;

/// <summary>
/// The journey metrics over the journeys that started in [<see cref="From"/>, <see cref="To"/>). A rate is null when
/// nothing was there to count (no transitions, no cross-channel journey, no rating, no resolution).
/// </summary>
public sealed record JourneyMetrics
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required int Journeys { get; init; }

    public required int Resolved { get; init; }

    public required int ResolvedByBot { get; init; }

    public required int ResolvedByAgent { get; init; }

    /// <summary>Resolved journeys / journeys.</summary>
    public double? ResolutionRate { get; init; }

    public required int Transitions { get; init; }

    public required int PreservedTransitions { get; init; }

    /// <summary>Preserved transitions / transitions (channel switches and handoffs after which nothing given was asked again).</summary>
    public double? ContextPreservationRate { get; init; }

    public required int CrossChannelJourneys { get; init; }

    /// <summary>Resolved cross-channel journeys / cross-channel journeys.</summary>
    public double? CrossChannelResolutionRate { get; init; }

    /// <summary>Journeys resolved at first contact (no new journey within the repeat-contact window) / journeys.</summary>
    public double? FirstContactResolutionRate { get; init; }

    public required int RatedJourneys { get; init; }

    /// <summary>The mean 1-5 rating of the rated journeys.</summary>
    public double? CsatAverage { get; init; }

    /// <summary>Rated journeys rated 4 or 5 / rated journeys.</summary>
    public double? CsatSatisfiedRate { get; init; }

    /// <summary>Mean time from a journey's start to its resolution, over resolved journeys.</summary>
    public TimeSpan? MeanTimeToResolution { get; init; }

    /// <summary>Median of the same.</summary>
    public TimeSpan? MedianTimeToResolution { get; init; }

    /// <summary>All the journeys' costs (messages by channel, agent minutes).</summary>
    public required decimal TotalCost { get; init; }

    /// <summary>Total cost / resolved journeys.</summary>
    public decimal? CostPerResolution { get; init; }

    /// <summary>Every journey counted, by start.</summary>
    public required IReadOnlyList<JourneySummary> JourneyList { get; init; }
}
