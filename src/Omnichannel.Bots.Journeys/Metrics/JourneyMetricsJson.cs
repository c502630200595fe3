using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Journeys;

/// <summary>
/// The metrics as JSON, the same for <c>omnibot metrics --json</c> and <c>GET /api/agent/metrics</c>: camelCase,
/// times as ISO 8601, durations in seconds, rates as fractions (0-1), null when there was nothing to count.
/// </summary>
public static class JourneyMetricsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };

    /// <summary>The JSON object of <paramref name="metrics"/> (serialize it with <see cref="Options"/>).</summary>
    public static object Shape(JourneyMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new
        {
            metrics.From,
            metrics.To,
            metrics.Journeys,
            metrics.Resolved,
            metrics.ResolvedByBot,
            metrics.ResolvedByAgent,
            metrics.ResolutionRate,
            metrics.Transitions,
            metrics.PreservedTransitions,
            metrics.ContextPreservationRate,
            metrics.CrossChannelJourneys,
            metrics.CrossChannelResolutionRate,
            metrics.FirstContactResolutionRate,
            metrics.RatedJourneys,
            metrics.CsatAverage,
            metrics.CsatSatisfiedRate,
            MeanTimeToResolutionSeconds = metrics.MeanTimeToResolution?.TotalSeconds,
            MedianTimeToResolutionSeconds = metrics.MedianTimeToResolution?.TotalSeconds,
            metrics.TotalCost,
            metrics.CostPerResolution,
            JourneyList = metrics.JourneyList.Select(j => new
            {
                j.CustomerId,
                j.StartedAt,
                j.LastActivityAt,
                j.ResolvedAt,
                j.ResolvedBy,
                j.Channels,
                j.Transitions,
                j.PreservedTransitions,
                j.ReaskedSlots,
                j.Rating,
                j.Messages,
                j.AgentMinutes,
                j.Cost,
                j.ResolvedAtFirstContact,
                TimeToResolutionSeconds = j.TimeToResolution?.TotalSeconds,
            }),
        };
    }

    public static string Serialize(JourneyMetrics metrics) => JsonSerializer.Serialize(Shape(metrics), Options);
}
