using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// In-memory presence: an agent is present while they have a live connection open (the workspace's event stream)
/// or made a request in the last <see cref="RecentActivity"/>. A restart forgets everyone until they come back.
/// </summary>
public sealed class AgentPresence : IAgentPresence
{
    public static readonly TimeSpan RecentActivity = TimeSpan.FromMinutes(2);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _agents = new(StringComparer.OrdinalIgnoreCase);

    public AgentPresence(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    public void Seen(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_gate)
        {
            Update(agent).LastSeen = _time.GetUtcNow();
        }
    }

    public void Connected(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_gate)
        {
            var entry = Update(agent);
            entry.Connections++;
            entry.LastSeen = _time.GetUtcNow();
        }
    }

    public void Disconnected(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_gate)
        {
            // Closing the workspace is not activity: without another connection the agent is present only while
            // their last request is recent.
            if (_agents.TryGetValue(agent.Id, out var entry))
            {
                entry.Connections = Math.Max(0, entry.Connections - 1);
            }
        }
    }

    public void SignedOut(string agentId)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        lock (_gate)
        {
            if (_agents.TryGetValue(agentId, out var entry))
            {
                // A tab still streaming keeps its connection count until it closes; recent activity ends now.
                entry.LastSeen = DateTimeOffset.MinValue;
                if (entry.Connections == 0)
                {
                    _agents.Remove(agentId);
                }
            }
        }
    }

    public IReadOnlyList<AgentIdentity> Present(string? queue)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var present = new List<AgentIdentity>();
            foreach (var (id, entry) in _agents.ToList())
            {
                var active = entry.Connections > 0 || now - entry.LastSeen <= RecentActivity;
                if (!active)
                {
                    _agents.Remove(id);
                }
                else if (queue is null || entry.Agent.Works(queue))
                {
                    present.Add(entry.Agent);
                }
            }

            return present.OrderBy(a => a.Id, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    private Entry Update(AgentIdentity agent)
    {
        if (!_agents.TryGetValue(agent.Id, out var entry))
        {
            entry = new Entry(agent);
            _agents[agent.Id] = entry;
        }

        entry.Agent = agent;
        return entry;
    }

    private sealed class Entry(AgentIdentity agent)
    {
        public AgentIdentity Agent { get; set; } = agent;

        public int Connections { get; set; }

        public DateTimeOffset LastSeen { get; set; }
    }
}
