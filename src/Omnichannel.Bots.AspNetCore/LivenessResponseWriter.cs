using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.AspNetCore;

/// <summary>
/// The body of <c>GET /healthz</c>: <c>{"status": "healthy"|"degraded", "channels": [...], "&lt;component&gt;": {...}}</c>,
/// from the data of the check tagged <see cref="BotLiveness.Tag"/>; degraded when a component still serves but reports
/// a problem (always HTTP 200, so a probe does not restart a bot over an editor's typo).
/// </summary>
internal static class LivenessResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["status"] = report.Status == HealthStatus.Healthy ? "healthy" : "degraded",
        };
        foreach (var entry in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var (key, value) in entry.Value.Data)
            {
                body[key] = value;
            }
        }

        // The host's JSON settings, as the minimal API that answered /healthz before used.
        var options = context.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;
        return context.Response.WriteAsJsonAsync(body, options, context.RequestAborted);
    }
}
