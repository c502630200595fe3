using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Journeys;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// <c>GET /api/agent/metrics?from=&amp;to=</c> (admins only): the journey metrics of the journeys that started in the
/// range, as <see cref="JourneyMetricsJson"/> (the same JSON as <c>omnibot metrics --json</c>). 400 naming a bad
/// <c>from</c>/<c>to</c>; 404 when the bot does not record journeys (no <c>AddJourneys()</c>).
/// </summary>
internal sealed class AgentMetricsApi
{
    public const string JourneysOff = "Journey metrics are off: the bot records journeys with AddJourneys().";

    private readonly IJourneyMetrics? _metrics;
    private readonly TimeProvider _time;

    public AgentMetricsApi(IServiceProvider services, TimeProvider time)
    {
        _metrics = services.GetService<IJourneyMetrics>();
        _time = time;
    }

    public async Task<IResult> GetAsync(HttpContext http, AgentSession session)
    {
        if (_metrics is null)
        {
            return AgentJson.Error(StatusCodes.Status404NotFound, JourneysOff);
        }

        var query = http.Request.Query;
        var (from, to, problem) = MetricsRange.Parse(query["from"], query["to"], _time.GetUtcNow());
        if (problem is not null)
        {
            return AgentJson.Error(StatusCodes.Status400BadRequest, problem);
        }

        var metrics = await _metrics.ComputeAsync(from, to, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(JourneyMetricsJson.Shape(metrics), JourneyMetricsJson.Options);
    }
}
