namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>A signed-in agent: id, display name, the queues they work (empty: all) and their role.</summary>
public sealed record AgentIdentity(string Id, string Name, IReadOnlyList<string> Queues)
{
    public AgentRole Role { get; init; } = AgentRole.Agent;

    /// <summary>True when the agent's account lists <paramref name="queue"/> or lists no queue.</summary>
    public bool Works(string queue) => Queues.Count == 0 || Queues.Contains(queue, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the agent may read and act on tickets of <paramref name="queue"/>: an admin, or a queue they work.</summary>
    public bool MayActOn(string? queue) => Scope is null || (queue is not null && Works(queue));

    /// <summary>The queues whose tickets the agent may act on, as the store checks them: null for any queue.</summary>
    public IReadOnlyCollection<string>? Scope => Role == AgentRole.Admin || Queues.Count == 0 ? null : Queues;
}
