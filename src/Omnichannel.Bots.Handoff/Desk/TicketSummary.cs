namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>A handoff as a queue lists it.</summary>
public sealed record TicketSummary
{
    public required long Id { get; init; }

    public required string Queue { get; init; }

    public required HandoffPriority Priority { get; init; }

    public required HandoffTicketStatus Status { get; init; }

    public string? AgentId { get; init; }

    /// <summary>The customer's name when a channel gave one, else their first identity.</summary>
    public required string Customer { get; init; }

    /// <summary>The channel the customer wrote on last.</summary>
    public required string Channel { get; init; }

    public required string Reason { get; init; }

    public string? Rule { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public string? LastCustomerMessage { get; init; }

    public DateTimeOffset? LastCustomerMessageAt { get; init; }
}
