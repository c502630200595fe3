namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>A signed-in agent: id, display name, and the queues they work (empty: all).</summary>
public sealed record AgentIdentity(string Id, string Name, IReadOnlyList<string> Queues)
{
    public bool Works(string queue) => Queues.Count == 0 || Queues.Contains(queue, StringComparer.OrdinalIgnoreCase);
}
