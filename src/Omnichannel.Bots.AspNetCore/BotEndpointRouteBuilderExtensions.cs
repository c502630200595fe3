using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omnichannel.Bots.AspNetCore;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the bot's external contract: <c>GET /healthz</c> (liveness and status details, always 200),
    /// <c>GET /healthz/ready</c> (readiness: 503 until every check tagged <see cref="BotReadiness.Tag"/> passes, such as
    /// the knowledge base's first load and the storage, then 200) and the endpoints of every registered channel
    /// (<see cref="IBotEndpoints"/>). Webhook handlers store the message in the durable inbox and answer; they never
    /// wait for the dialog. On a <c>WebApplication</c> it also adds the WebSocket middleware and the rate limiter (call
    /// <c>UseWebSockets</c> and <c>UseBotRateLimits</c> yourself before mapping otherwise).
    /// </summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints is IApplicationBuilder app)
        {
            // Web chat's Direct Line stream is a WebSocket.
            app.UseWebSockets();

            // Limits:* (429 with Retry-After), after the routing a WebApplication puts first.
            app.UseBotRateLimits();
        }

        endpoints.MapHealthChecks(BotLiveness.Path, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(BotLiveness.Tag),
            ResponseWriter = LivenessResponseWriter.WriteAsync,
            // Alive whatever a component reports: a probe must not restart a bot over an editor's typo.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status200OK,
            },
        }).ExcludeFromDescription();
        endpoints.MapHealthChecks(BotReadiness.Path, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(BotReadiness.Tag),
            ResponseWriter = ReadinessResponseWriter.WriteAsync,
            // A check still loading reports Degraded: not ready either.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        foreach (var channel in endpoints.ServiceProvider.GetServices<IBotEndpoints>())
        {
            channel.Map(endpoints);
        }

        return endpoints;
    }
}
