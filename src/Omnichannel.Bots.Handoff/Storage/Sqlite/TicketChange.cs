namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>One change the desk made to a ticket, for the <see cref="ISqliteTicketParticipant"/>s.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="CustomerId">The ticket's customer.</param>
/// <param name="AgentId">The agent who made the change; null for a rating (the customer's).</param>
/// <param name="At">When.</param>
public sealed record TicketChange(TicketChangeKind Kind, long TicketId, string CustomerId, string? AgentId, DateTimeOffset At)
{
    /// <summary>The conversation the change's messages were queued to (an agent's message, the closing messages).</summary>
    public string? ConversationId { get; init; }

    /// <summary>How many messages the change queued to the customer.</summary>
    public int Messages { get; init; }

    /// <summary>The customer's 1-5 rating, for <see cref="TicketChangeKind.Rated"/>.</summary>
    public int? Score { get; init; }
}
