using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Bots.AspNetCore;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the bot's external contract: <c>GET /healthz</c> and the endpoints of every registered channel
    /// (<see cref="IBotEndpoints"/>). Webhook handlers store the message in the durable inbox and answer; they never
    /// wait for the dialog. On a <c>WebApplication</c> it also adds the WebSocket middleware (call <c>UseWebSockets</c>
    /// yourself before mapping otherwise).
    /// </summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints is IApplicationBuilder app)
        {
            // Web chat's Direct Line stream is a WebSocket.
            app.UseWebSockets();
        }

        endpoints.MapGet("/healthz", (ChannelRegistry channels) => Results.Json(new HealthReport("healthy", channels.Adapters.Select(a => a.Channel.Value).Order().ToArray())))
            .ExcludeFromDescription();
        foreach (var channel in endpoints.ServiceProvider.GetServices<IBotEndpoints>())
        {
            channel.Map(endpoints);
        }

        return endpoints;
    }

    private sealed record HealthReport(string Status, string[] Channels);
}
