namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>What an agent may do (<c>Agents:Accounts:N:Role</c>): work the queues of their account, or everything.</summary>
public enum AgentRole
{
    /// <summary>Reads and acts on tickets of the queues the account lists (all of them when it lists none).</summary>
    Agent,

    /// <summary>Reads and acts on tickets of every queue, whatever the account lists, and may use the admin APIs.</summary>
    Admin,
}
