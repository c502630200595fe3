namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// Which agents are at the desk now (the workspace reports sign-ins, live connections and activity), for capacity
/// rules and the customer's expected wait.
/// </summary>
public interface IAgentPresence
{
    void Seen(AgentIdentity agent);

    void Connected(AgentIdentity agent);

    void Disconnected(AgentIdentity agent);

    void SignedOut(string agentId);

    /// <summary>Agents present now who work <paramref name="queue"/> (any queue when null).</summary>
    IReadOnlyList<AgentIdentity> Present(string? queue);
}
