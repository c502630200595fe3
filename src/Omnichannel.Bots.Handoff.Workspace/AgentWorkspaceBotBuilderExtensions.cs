using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

public static class AgentWorkspaceBotBuilderExtensions
{
    /// <summary>
    /// The agent workspace at <c>/agent</c> and its API under <c>/api/agent</c> (mapped by <c>app.MapBotEndpoints()</c>):
    /// agent accounts from the <c>Agents</c> section (validated at start-up), sign-in sessions kept in memory, agent
    /// presence (<see cref="IAgentPresence"/>), and the endpoints over the handoff desk (<see cref="IHandoffDesk"/>, which
    /// <c>AddHandoff()</c> registers).
    /// </summary>
    public static BotBuilder AddAgentWorkspace(this BotBuilder bot, Action<AgentsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        AgentWorkspaceServices.Add(bot.Services, configure);
        return bot;
    }
}
