namespace Omnichannel.Bots.Handoff;

/// <summary>
/// One handoff of a customer's journey to people: created by the turn that escalated (with the conversation's owner
/// set to <c>Queued</c> in the same transaction), claimed by one agent, closed by resolving it or returning it to
/// the bot. <see cref="QueuedAt"/> orders a queue (after <see cref="Priority"/>); a re-queued ticket keeps its place.
/// </summary>
public sealed record HandoffTicket
{
    public required long Id { get; init; }

    /// <summary>The conversation that escalated.</summary>
    public required string ConversationId { get; init; }

    public required string CustomerId { get; init; }

    public required ChannelId Channel { get; init; }

    public required string Queue { get; init; }

    public required HandoffPriority Priority { get; init; }

    public required string Reason { get; init; }

    public string? Rule { get; init; }

    public string? RuleSource { get; init; }

    public required HandoffTicketStatus Status { get; init; }

    /// <summary>The agent who has it (Assigned) or closed it.</summary>
    public string? AgentId { get; init; }

    /// <summary>The inbox sequence of the message whose turn escalated.</summary>
    public required long InboxSequence { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? LastAgentReplyAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>When the customer was asked to rate the help (1-5), and their answer.</summary>
    public DateTimeOffset? CsatRequestedAt { get; init; }

    public int? CsatScore { get; init; }

    /// <summary>Attempts so far to deliver the outbound handoff webhook.</summary>
    public int WebhookAttempts { get; init; }
}
