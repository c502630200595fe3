namespace Omnichannel.Bots.Journeys;

/// <summary>The journey metrics of a time range (what <c>omnibot metrics</c> and <c>GET /api/agent/metrics</c> show).</summary>
public interface IJourneyMetrics
{
    /// <summary>The metrics of the journeys that started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<JourneyMetrics> ComputeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
