namespace Omnichannel.Bots.Handoff;

/// <summary>
/// A queue's capacity at one moment: <see cref="AgentsPresent"/> is null when unknown; <see cref="Ahead"/> counts the
/// queued conversations of the same or higher priority; <see cref="Wait"/> is null when it cannot be estimated.
/// </summary>
public sealed record CapacitySnapshot(int? AgentsPresent, int FreeSlots, int Ahead, int QueuedTotal, TimeSpan? Wait)
{
    /// <summary>Agents with a free slot now, for rules on <c>agents_available</c>; null when unknown.</summary>
    public int? AgentsAvailable => AgentsPresent is null ? null : FreeSlots;
}
