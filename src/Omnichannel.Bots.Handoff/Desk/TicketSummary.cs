namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>A handoff as a queue lists it.</summary>
public sealed record TicketSummary
{
    public required long Id { get; init; }

    public required string Queue { get; init; }

    public required HandoffPriority Priority { get; init; }

    public required HandoffTicketStatus Status { get; init; }

    public string? AgentId { get; init; }

    /// <summary>
    /// Who the customer is: their name, else a verified phone number or email, else "Customer on web chat"; never an
    /// internal or conversation id.
    /// </summary>
    public required string Customer { get; init; }

    /// <summary>The customer's verified phone numbers and emails.</summary>
    public IReadOnlyList<string> VerifiedContacts { get; init; } = [];

    /// <summary>The channels the customer used, most recent first.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>The channel the customer wrote on last.</summary>
    public required string Channel { get; init; }

    public required string Reason { get; init; }

    public string? Rule { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public string? LastCustomerMessage { get; init; }

    public DateTimeOffset? LastCustomerMessageAt { get; init; }
}
