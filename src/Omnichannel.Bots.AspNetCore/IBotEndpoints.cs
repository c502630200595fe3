using Microsoft.AspNetCore.Routing;

namespace Omnichannel.Bots.AspNetCore;

/// <summary>
/// A channel's HTTP endpoints (webhooks, web chat). Channel packages register one in DI;
/// <see cref="BotEndpointRouteBuilderExtensions.MapBotEndpoints"/> maps them all.
/// </summary>
public interface IBotEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}
