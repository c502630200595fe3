using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omnichannel.Bots.AspNetCore;

/// <summary>
/// The body of <c>GET /healthz/ready</c>:
/// <c>{"status": "healthy"|"unhealthy", "checks": [{"name": "knowledge", "status": "...", "description": "..."}]}</c>.
/// </summary>
internal static class ReadinessResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var body = new
        {
            status = Name(report.Status),
            checks = report.Entries
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new { name = e.Key, status = Name(e.Value.Status), description = e.Value.Description })
                .ToArray(),
        };
        return context.Response.WriteAsJsonAsync(body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
