using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omnichannel.Bots.AspNetCore;

/// <summary>
/// The body of <c>GET /healthz/ready</c>:
/// <c>{"status": "ready"|"not ready", "checks": [{"name": "knowledge", "status": "ready"|"starting"|"failed", "description": "..."}]}</c>
/// (a check still loading reports <see cref="HealthStatus.Degraded"/>, one that failed <see cref="HealthStatus.Unhealthy"/>).
/// </summary>
internal static class ReadinessResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "ready" : "not ready",
            checks = report.Entries
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new { name = e.Key, status = Name(e.Value.Status), description = e.Value.Description })
                .ToArray(),
        };
        return context.Response.WriteAsJsonAsync(body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ready",
        HealthStatus.Degraded => "starting",
        _ => "failed",
    };
}
