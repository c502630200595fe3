namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The desk's changes to a ticket, kept with the conversations it owns: one transaction changes a ticket and its
/// conversations' owner and owner epoch together, so a bot reply drafted under the old owner is dropped. Every change
/// is conditional on the ticket's current state and returns false (or an unclaimed result) when another agent or the
/// timeout got there first: no change is ever lost or applied twice.
/// </summary>
public interface IHandoffDeskStore
{
    /// <summary>
    /// Gives a queued ticket to the agent; its conversation's owner becomes <c>Agent</c>. Of two agents claiming at
    /// once, exactly one gets <see cref="ClaimResult.Claimed"/>. With <paramref name="queues"/> (the queues the agent
    /// works, compared ignoring case; null: any queue) the ticket must be in one of them, checked in the same statement
    /// that claims it, so a transfer racing the claim cannot let the agent take a ticket of another queue.
    /// </summary>
    Task<ClaimResult> ClaimAsync(long id, string agentId, IReadOnlyCollection<string>? queues, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Puts an assigned ticket back in a queue (transfer to <paramref name="queue"/>, or the reply timeout with the same
    /// queue), keeping its place; the conversation's owner becomes <c>Queued</c>. False when <paramref name="agentId"/>
    /// no longer has it.
    /// </summary>
    Task<bool> RequeueAsync(long id, string agentId, string queue, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a queued ticket to <paramref name="queue"/>. False when it is no longer queued or, with
    /// <paramref name="fromQueues"/> (null: any), no longer in one of those queues (checked in the same statement).
    /// </summary>
    Task<bool> MoveQueuedAsync(long id, string queue, IReadOnlyCollection<string>? fromQueues, CancellationToken cancellationToken);

    /// <summary>
    /// Writes an agent's message to the transcript and the outbox of <paramref name="conversationId"/> (the customer's
    /// current channel) and returns the outbox row; null when <paramref name="agentId"/> does not have the ticket.
    /// </summary>
    Task<OutboxEntry?> AddAgentMessageAsync(long id, string agentId, string conversationId, BotMessage message, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an internal note to an existing ticket (open or closed); null when there is no such ticket or, with
    /// <paramref name="queues"/> (null: any), it is in none of those queues (checked in the same statement).
    /// </summary>
    Task<HandoffNote?> AddNoteAsync(long id, string agentId, string text, IReadOnlyCollection<string>? queues, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<HandoffNote>> GetNotesAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Closes an assigned ticket: every conversation of the customer owned by people goes back to the bot and the
    /// closing messages are queued to <paramref name="conversationId"/>. Null when the agent no longer has it.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>?> CloseAsync(long id, HandoffClosing closing, string conversationId, DateTimeOffset at, CancellationToken cancellationToken);
}
