using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Registers the routing rules provider once, as itself, as the rules provider, as a hosted service and as the <c>handoff</c> health section.</summary>
internal static class RoutingRulesServiceCollectionExtensions
{
    public static IServiceCollection AddRoutingRules(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RoutingRulesProvider)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RoutingRulesProvider>();
        services.AddSingleton<IRoutingRulesProvider>(sp => sp.GetRequiredService<RoutingRulesProvider>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RoutingRulesProvider>());
        services.AddSingleton<IBotHealthContributor>(sp => sp.GetRequiredService<RoutingRulesProvider>());
        return services;
    }
}
