namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Everything a routing rule can test, for one turn.</summary>
public sealed record RoutingFacts
{
    public required RoutingPhase Phase { get; init; }

    public required ChannelId Channel { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The customer asked for a person in this message ("agent", "human", "un humano", ...).</summary>
    public bool AskedForPerson { get; init; }

    /// <summary>This message's sentiment (-1..+1); null when it has no text.</summary>
    public double? Sentiment { get; init; }

    /// <summary>The mean sentiment of the customer's last three messages, this one included.</summary>
    public double? RecentSentiment { get; init; }

    /// <summary>The customer's tier (<c>vip</c>, ...); null for none.</summary>
    public string? Tier { get; init; }

    /// <summary>The intent the bot recognized (after the dialog: this message's; before: the journey's last).</summary>
    public string? Intent { get; init; }

    /// <summary>Amounts the customer mentioned in this journey, in the currency they wrote (the largest counts).</summary>
    public IReadOnlyList<decimal> Amounts { get; init; } = [];

    /// <summary>
    /// Messages in a row the knowledge base declined or answered below its confidence threshold. Before the dialog:
    /// up to the previous message; after: including this one.
    /// </summary>
    public int LowConfidenceStreak { get; init; }

    /// <summary>After the dialog: the dialog itself asked for a person (with <see cref="DialogHandoffReason"/>).</summary>
    public bool DialogRequestedHandoff { get; init; }

    public string? DialogHandoffReason { get; init; }

    /// <summary>Whether it is within the rules' business hours now.</summary>
    public bool WithinBusinessHours { get; init; } = true;

    /// <summary>Signed-in agents with room for another conversation; null when unknown (no agent workspace, an external desk).</summary>
    public int? AgentsAvailable { get; init; }

    /// <summary>Conversations waiting in queues now.</summary>
    public int QueuedConversations { get; init; }
}
