using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// Handoff tickets, agent messages, notes and ratings, kept with the conversations they own (one transaction changes
/// a ticket and its conversation's owner and owner epoch together, so a bot reply drafted under the old owner is
/// dropped). A turn's commit creates the ticket (<see cref="TurnCommit.Handoff"/>); everything after goes through here.
/// Every change is conditional on the ticket's current state and returns false (or an unclaimed result) when another
/// agent or the timeout got there first: no change is ever lost or applied twice.
/// </summary>
public interface IHandoffStore
{
    Task<HandoffTicket?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Queued and assigned tickets, in no particular order.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>The customer's most recent ticket, open or closed; null when they never had one.</summary>
    Task<HandoffTicket?> FindLatestForCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>The customer's tickets queued at or after <paramref name="since"/>, open or closed, oldest first (for <c>Limits:HandoffsPerCustomer</c>).</summary>
    Task<IReadOnlyList<HandoffTicket>> ListForCustomerSinceAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Tickets closed since <paramref name="since"/>, newest first (for wait estimates).</summary>
    Task<IReadOnlyList<HandoffTicket>> ListClosedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

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
    /// closing messages are queued to <paramref name="conversationId"/>. False when the agent no longer has it.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>?> CloseAsync(long id, HandoffClosing closing, string conversationId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Queues the CSAT question for a ticket returned to the bot (asked when the journey has gone quiet). False when already asked.</summary>
    Task<IReadOnlyList<OutboxEntry>?> AskCsatAsync(long id, string conversationId, BotMessage question, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the customer's rating, once; false when the ticket was not waiting for one.</summary>
    Task<bool> RecordCsatAsync(long id, int score, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The customer with every identity key linked to them; null when unknown.</summary>
    Task<CustomerRecord?> GetCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Every conversation of the customer with its last inbound and outbound times, most recent inbound first.</summary>
    Task<IReadOnlyList<CustomerConversation>> GetCustomerConversationsAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Tickets whose outbound webhook is due (never delivered, next attempt at or before <paramref name="now"/>), oldest first.</summary>
    Task<IReadOnlyList<HandoffTicket>> LoadWebhookDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records a webhook attempt: delivered, retry at <paramref name="nextAttemptAt"/>, or given up (both null).</summary>
    Task MarkWebhookAsync(long id, bool delivered, string? error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);
}
