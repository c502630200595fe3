using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// How busy the desk is for one queue: agents present who work it (null when nothing reports presence, as with an
/// external help desk), their free slots (<see cref="AgentsOptions.MaxConversationsPerAgent"/> minus what they have),
/// the conversations ahead, and the expected wait.
/// </summary>
public sealed class DeskCapacity
{
    private readonly IHandoffTicketStore _store;
    private readonly IAgentPresence? _presence;
    private readonly AgentsOptions _agents;
    private readonly TimeProvider _time;

    public DeskCapacity(IHandoffTicketStore store, IOptions<AgentsOptions> agents, TimeProvider time, IAgentPresence? presence = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        _store = store;
        _presence = presence;
        _agents = agents.Value;
        _time = time;
    }

    public async Task<CapacitySnapshot> MeasureAsync(string queue, HandoffPriority priority, CancellationToken cancellationToken)
    {
        var open = await _store.ListOpenAsync(cancellationToken).ConfigureAwait(false);
        var queued = open.Where(t => t.Status == HandoffTicketStatus.Queued).ToList();
        var ahead = queued.Count(t => string.Equals(t.Queue, queue, StringComparison.OrdinalIgnoreCase) && t.Priority >= priority);
        if (_presence is null)
        {
            return new CapacitySnapshot(null, 0, ahead, queued.Count, null);
        }

        var present = _presence.Present(queue);
        var freeSlots = present.Sum(agent => Math.Max(0, _agents.MaxConversationsPerAgent - open.Count(t => t.Status == HandoffTicketStatus.Assigned && t.AgentId == agent.Id)));
        var closed = await _store.ListClosedSinceAsync(_time.GetUtcNow() - TimeSpan.FromDays(1), cancellationToken).ConfigureAwait(false);
        var wait = WaitEstimator.Estimate(ahead, present.Count, freeSlots, closed);
        return new CapacitySnapshot(present.Count, freeSlots, ahead, queued.Count, wait);
    }
}
