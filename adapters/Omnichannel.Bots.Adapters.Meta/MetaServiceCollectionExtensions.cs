using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Omnichannel.Bots.Adapters.Meta;

/// <summary>Registers what the Meta channels share; each channel's own extension calls it.</summary>
public static class MetaServiceCollectionExtensions
{
    /// <summary>The Graph API client (once, whichever Meta channel asks first).</summary>
    public static IServiceCollection AddMetaGraphApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(GraphApi.HttpClientName);
        services.TryAddSingleton<GraphApi>();
        return services;
    }
}
