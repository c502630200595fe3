using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// Binds the <c>Agents</c> section once, however many features ask for it (<c>AddHandoff()</c> and
/// <c>AddAgentWorkspace()</c> both do): binding twice would list every account twice. The accounts' sign-in data
/// (password hashes, roles) is validated by the workspace package, which is the one that signs agents in.
/// </summary>
public static class AgentsOptionsRegistration
{
    public static OptionsBuilder<AgentsOptions> AddAgentsOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<AgentsOptions>();
        if (!services.Any(d => d.ServiceType == typeof(AgentsOptionsMarker)))
        {
            services.AddSingleton<AgentsOptionsMarker>();
            builder.BindConfiguration(AgentsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        }

        return builder;
    }

    private sealed class AgentsOptionsMarker;
}
