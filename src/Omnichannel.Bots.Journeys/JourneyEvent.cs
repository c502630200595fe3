namespace Omnichannel.Bots.Journeys;

/// <summary>
/// One thing that happened in a customer's journey, appended to their log in the transaction that made it happen
/// (the turn's commit, the desk's change). Journeys and their metrics are folds of this log
/// (<see cref="JourneyBuilder"/>, <see cref="JourneyMetricsCalculator"/>).
/// </summary>
/// <param name="Id">The event's place in the log (ascending in commit order).</param>
/// <param name="CustomerId">Whose journey.</param>
/// <param name="At">When it was committed.</param>
/// <param name="Kind">What happened.</param>
public sealed record JourneyEvent(long Id, string CustomerId, DateTimeOffset At, JourneyEventKind Kind)
{
    /// <summary>The channel it happened on (messages, the channel switched to).</summary>
    public string? Channel { get; init; }

    /// <summary>The ticket of a desk event, a rating, or the customer message that carried a rating.</summary>
    public long? TicketId { get; init; }

    /// <summary>The agent of a desk event; null for a resolution by the bot.</summary>
    public string? AgentId { get; init; }

    /// <summary>The slot of <see cref="JourneyEventKind.SlotGiven"/> and <see cref="JourneyEventKind.SlotAsked"/>.</summary>
    public string? Slot { get; init; }

    /// <summary>The 1-5 rating of <see cref="JourneyEventKind.Rating"/>.</summary>
    public int? Score { get; init; }

    /// <summary>How many messages (<see cref="JourneyEventKind.BotMessages"/>); 1 otherwise.</summary>
    public int Count { get; init; } = 1;
}
