using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>The workspace's services (what <c>AddAgentWorkspace()</c> registers), separate so tests can host them without a whole bot.</summary>
internal static class AgentWorkspaceServices
{
    public static IServiceCollection Add(IServiceCollection services, Action<AgentsOptions>? configure)
    {
        var options = services.AddAgentsOptions();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentsOptions>, AgentsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotRateLimits();
        services.TryAddSingleton<AgentPresence>();
        services.TryAddSingleton<IAgentPresence>(sp => sp.GetRequiredService<AgentPresence>());
        services.AddOptions<AgentSignInOptions>().BindConfiguration(AgentSignInOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentSignInOptions>, AgentSignInOptionsValidator>());
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton<AgentSessions>();
        services.TryAddSingleton<AgentTicketApi>();
        services.TryAddSingleton<AgentCustomerApi>();
        services.TryAddSingleton<AgentEventStream>();
        services.TryAddSingleton<AgentCustomerPrivacyApi>();
        services.TryAddSingleton<AgentMetricsApi>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBotEndpoints, AgentWorkspaceEndpoints>());
        return services;
    }
}
