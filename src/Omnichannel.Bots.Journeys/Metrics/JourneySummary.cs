namespace Omnichannel.Bots.Journeys;

/// <summary>One journey's numbers (see <see cref="JourneyBuilder"/> for what a journey is).</summary>
public sealed record JourneySummary
{
    public required string CustomerId { get; init; }

    /// <summary>The journey's first event.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The journey's last event (a rating given after the resolution included).</summary>
    public required DateTimeOffset LastActivityAt { get; init; }

    /// <summary>When it was resolved; null for a journey that ended unresolved (or is still going).</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    public JourneyResolver? ResolvedBy { get; init; }

    /// <summary>The channels the customer wrote on, first used first.</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary>Channel switches and handoffs: the moments context could be lost.</summary>
    public required int Transitions { get; init; }

    /// <summary>Transitions after which no value given before them was asked for again (until the next transition).</summary>
    public required int PreservedTransitions { get; init; }

    /// <summary>The values asked for again after a transition, in order (one per re-ask).</summary>
    public required IReadOnlyList<string> ReaskedSlots { get; init; }

    /// <summary>The customer's (last) 1-5 rating of the journey's handoff; null when not rated.</summary>
    public int? Rating { get; init; }

    /// <summary>Messages either way, by channel.</summary>
    public required IReadOnlyDictionary<string, int> Messages { get; init; }

    /// <summary>Minutes agents held the journey's tickets (claimed until closed or re-queued).</summary>
    public required double AgentMinutes { get; init; }

    /// <summary>The journey's cost from the cost table (messages by channel, agent minutes).</summary>
    public required decimal Cost { get; init; }

    /// <summary>Resolved, and the customer started no new journey within <see cref="JourneysOptions.RepeatContactWindow"/> after.</summary>
    public required bool ResolvedAtFirstContact { get; init; }

    public bool Resolved => ResolvedAt is not null;

    /// <summary>The customer wrote on more than one channel.</summary>
    public bool CrossChannel => Channels.Count > 1;

    /// <summary>Time from the first event to the resolution.</summary>
    public TimeSpan? TimeToResolution => ResolvedAt - StartedAt;
}
