using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>
/// Handoff tickets on SQLite (the <c>handoff_requests</c> table; a ticket's id is its row id). Every change runs on
/// the single writer as one conditional update of the ticket plus the owner and owner epoch of the customer's
/// conversations, so of two agents racing for a ticket exactly one wins and a bot reply drafted under the old owner
/// is dropped. A customer's conversations that are not with the bot all belong to their one open ticket: claiming
/// moves the queued ones to <c>agent</c>, re-queuing moves them back to <c>queued</c>, closing gives every one of
/// them back to the bot.
/// </summary>
public sealed class SqliteHandoffStore : IHandoffTicketStore, IHandoffDeskStore, IHandoffCsatStore, IHandoffCustomerStore, IHandoffWebhookStore
{
    private const string SelectCustomerCreatedAt = "SELECT created_at FROM customers WHERE id = @p1";
    private const string SelectIdentityKeys = "SELECT identity_key FROM customer_identities WHERE customer_id = @p1 ORDER BY created_at, identity_key";

    private const string SelectOpen = HandoffRows.SelectTicket + "WHERE h.status IN ('queued', 'assigned')";
    private const string SelectLatestForCustomer = HandoffRows.SelectTicket + "WHERE h.customer_id = @p1 ORDER BY h.id DESC LIMIT 1";
    private const string SelectForCustomerSince = HandoffRows.SelectTicket + "WHERE h.customer_id = @p1 AND h.queued_at >= @p2 ORDER BY h.id";
    private const string SelectClosedSince = HandoffRows.SelectTicket + "WHERE h.closed_at >= @p1 ORDER BY h.closed_at DESC, h.id DESC";

    private const string SelectWebhookDue =
        HandoffRows.SelectTicket + "WHERE h.webhook_status = 'pending' AND h.webhook_next_at <= @p1 ORDER BY h.id LIMIT @p2";

    private static readonly string Claim =
        "UPDATE handoff_requests SET status = 'assigned', agent_id = @p2, claimed_at = @p3, last_agent_reply_at = NULL " +
        "WHERE id = @p1 AND status = 'queued' AND " + InQueues("@p4");

    private const string GiveConversationsToAgent =
        "UPDATE conversations SET owner = 'agent', owner_epoch = owner_epoch + 1 WHERE owner <> 'agent' AND " +
        "(id = (SELECT conversation_id FROM handoff_requests WHERE id = @p1) OR (owner = 'queued' AND customer_id = (SELECT customer_id FROM handoff_requests WHERE id = @p1)))";

    private const string Requeue =
        "UPDATE handoff_requests SET status = 'queued', queue = @p3, agent_id = NULL, claimed_at = NULL, last_agent_reply_at = NULL, requeued_at = @p4 " +
        "WHERE id = @p1 AND status = 'assigned' AND agent_id = @p2 RETURNING customer_id";

    private const string QueueAgentConversations =
        "UPDATE conversations SET owner = 'queued', owner_epoch = owner_epoch + 1 WHERE owner = 'agent' AND customer_id = (SELECT customer_id FROM handoff_requests WHERE id = @p1)";

    private static readonly string MoveQueued = "UPDATE handoff_requests SET queue = @p2 WHERE id = @p1 AND status = 'queued' AND " + InQueues("@p3");
    private const string SelectAssignedCustomer = "SELECT customer_id FROM handoff_requests WHERE id = @p1 AND status = 'assigned' AND agent_id = @p2";
    private const string MarkAgentReply = "UPDATE handoff_requests SET last_agent_reply_at = @p2 WHERE id = @p1";

    private static readonly string InsertNote =
        "INSERT INTO handoff_notes (handoff_id, agent_id, text, created_at) SELECT @p1, @p2, @p3, @p4 " +
        "WHERE EXISTS (SELECT 1 FROM handoff_requests WHERE id = @p1 AND " + InQueues("@p5") + ") RETURNING id";

    private const string SelectNotes = "SELECT id, handoff_id, agent_id, text, created_at FROM handoff_notes WHERE handoff_id = @p1 ORDER BY id";

    private const string Close =
        "UPDATE handoff_requests SET status = @p3, closed_at = @p4, csat_requested_at = @p5 WHERE id = @p1 AND status = 'assigned' AND agent_id = @p2 RETURNING customer_id";

    private const string GiveConversationsToBot =
        "UPDATE conversations SET owner = 'bot', owner_epoch = owner_epoch + 1 WHERE owner <> 'bot' AND customer_id = @p1";

    private const string AskCsat =
        "UPDATE handoff_requests SET csat_requested_at = @p2 WHERE id = @p1 AND status IN ('resolved', 'returned') AND csat_requested_at IS NULL RETURNING customer_id";

    private const string RecordCsat =
        "UPDATE handoff_requests SET csat_score = @p2, csat_at = @p3 WHERE id = @p1 AND csat_requested_at IS NOT NULL AND csat_score IS NULL RETURNING customer_id";

    private const string WebhookDelivered =
        "UPDATE handoff_requests SET webhook_status = 'delivered', webhook_attempts = webhook_attempts + 1, webhook_next_at = NULL, webhook_error = NULL " +
        "WHERE id = @p1 AND webhook_status = 'pending'";

    private const string WebhookRetry =
        "UPDATE handoff_requests SET webhook_attempts = webhook_attempts + 1, webhook_next_at = @p3, webhook_error = @p2 WHERE id = @p1 AND webhook_status = 'pending'";

    private const string WebhookFailed =
        "UPDATE handoff_requests SET webhook_status = 'failed', webhook_attempts = webhook_attempts + 1, webhook_next_at = NULL, webhook_error = @p2 " +
        "WHERE id = @p1 AND webhook_status = 'pending'";

    private readonly SqliteDatabase _database;
    private readonly ISqliteTicketParticipant[] _participants;

    /// <param name="database">The bot's database.</param>
    /// <param name="participants">The features that add their rows to the desk's changes (journey events), in order.</param>
    public SqliteHandoffStore(SqliteDatabase database, IEnumerable<ISqliteTicketParticipant>? participants = null)
    {
        _database = database;
        _participants = [.. participants ?? []];
    }

    public Task<HandoffTicket?> GetAsync(long id, CancellationToken cancellationToken) =>
        ReadAsync(db => HandoffRows.One(db, id), cancellationToken);

    public Task<IReadOnlyList<HandoffTicket>> ListOpenAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<HandoffTicket>>(db => HandoffRows.Many(db, SelectOpen), cancellationToken);

    public Task<HandoffTicket?> FindLatestForCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return ReadAsync(db => HandoffRows.Many(db, SelectLatestForCustomer, customerId).FirstOrDefault(), cancellationToken);
    }

    public Task<IReadOnlyList<HandoffTicket>> ListForCustomerSinceAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return ReadAsync<IReadOnlyList<HandoffTicket>>(db => HandoffRows.Many(db, SelectForCustomerSince, customerId, UnixTime.Of(since)), cancellationToken);
    }

    public Task<IReadOnlyList<HandoffTicket>> ListClosedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<HandoffTicket>>(db => HandoffRows.Many(db, SelectClosedSince, UnixTime.Of(since)), cancellationToken);

    /// <summary>
    /// Assigns a queued ticket to the agent (resetting <see cref="HandoffTicket.LastAgentReplyAt"/>, which is the
    /// current agent's); the escalated conversation and the customer's other queued ones become <c>agent</c>-owned.
    /// </summary>
    public Task<ClaimResult> ClaimAsync(long id, string agentId, IReadOnlyCollection<string>? queues, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        var time = UnixTime.Of(at);
        var scope = QueueScope(queues);
        return _database.WriteAsync(
            db =>
            {
                var claimed = db.Execute(Claim, id, agentId, time, scope) == 1;
                var ticket = HandoffRows.One(db, id);
                if (claimed)
                {
                    db.Execute(GiveConversationsToAgent, id);
                    Changed(db, new TicketChange(TicketChangeKind.Claimed, id, ticket!.CustomerId, agentId, at));
                }

                return new ClaimResult(claimed, ticket);
            },
            cancellationToken);
    }

    /// <summary>
    /// Puts the agent's ticket back in <paramref name="queue"/> with its original <see cref="HandoffTicket.QueuedAt"/>;
    /// it has no agent (nor claim time) until claimed again, and the customer's agent-owned conversations become queued.
    /// </summary>
    public Task<bool> RequeueAsync(long id, string agentId, string queue, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        var time = UnixTime.Of(at);
        return _database.WriteAsync(
            db =>
            {
                if (db.Scalar<string>(Requeue, id, agentId, queue, time) is not { } customerId)
                {
                    return false;
                }

                db.Execute(QueueAgentConversations, id);
                Changed(db, new TicketChange(TicketChangeKind.Requeued, id, customerId, agentId, at));
                return true;
            },
            cancellationToken);
    }

    public Task<bool> MoveQueuedAsync(long id, string queue, IReadOnlyCollection<string>? fromQueues, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        var scope = QueueScope(fromQueues);
        return _database.WriteAsync(db => db.Execute(MoveQueued, id, queue, scope) == 1, cancellationToken);
    }

    /// <summary>
    /// Queues the agent's message (its <see cref="BotMessage.Sender"/> is the agent) to one of the customer's
    /// conversations. Throws <see cref="InvalidOperationException"/> when the conversation is not the customer's, the
    /// message is addressed to another conversation, or its id was used before.
    /// </summary>
    public Task<OutboxEntry?> AddAgentMessageAsync(
        long id, string agentId, string conversationId, BotMessage message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(message);
        var messages = new[] { message };
        var payloads = SqliteOutbound.Serialize(messages, nameof(message));
        return _database.WriteAsync<OutboxEntry?>(
            db =>
            {
                var customerId = db.Scalar<string>(SelectAssignedCustomer, id, agentId);
                if (customerId is null)
                {
                    return null;
                }

                var queued = HandoffOutbound.Queue(db, conversationId, customerId, messages, payloads, at);
                db.Execute(MarkAgentReply, id, UnixTime.Of(at));
                Changed(db, new TicketChange(TicketChangeKind.AgentMessage, id, customerId, agentId, at) { ConversationId = conversationId, Messages = 1 });
                return queued[0];
            },
            cancellationToken);
    }

    /// <summary>Adds an internal note to an existing ticket, open or closed, in one of <paramref name="queues"/> (null: any); null otherwise.</summary>
    public Task<HandoffNote?> AddNoteAsync(long id, string agentId, string text, IReadOnlyCollection<string>? queues, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var time = UnixTime.Of(at);
        var scope = QueueScope(queues);
        return _database.WriteAsync(
            db => db.Scalar<long?>(InsertNote, id, agentId, text, time, scope) is { } noteId
                ? new HandoffNote(noteId, id, agentId, text, UnixTime.From(time))
                : null,
            cancellationToken);
    }

    public Task<IReadOnlyList<HandoffNote>> GetNotesAsync(long id, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<HandoffNote>>(
            db =>
            {
                var notes = new List<HandoffNote>();
                using var reader = db.Query(SelectNotes, id);
                while (reader.Read())
                {
                    notes.Add(new HandoffNote(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), UnixTime.From(reader.GetInt64(4))));
                }

                return notes;
            },
            cancellationToken);

    /// <summary>
    /// Closes the agent's ticket as <see cref="HandoffClosing.Status"/> (Resolved or ReturnedToBot), gives every
    /// conversation of the customer back to the bot, and queues the closing messages to <paramref name="conversationId"/>;
    /// with <see cref="HandoffClosing.AsksForCsat"/> the ticket waits for a rating. Null when the agent no longer has it.
    /// </summary>
    public Task<IReadOnlyList<OutboxEntry>?> CloseAsync(
        long id, HandoffClosing closing, string conversationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closing);
        ArgumentException.ThrowIfNullOrWhiteSpace(closing.AgentId, nameof(closing));
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var status = HandoffRows.ClosedStatusText(closing.Status);
        var payloads = SqliteOutbound.Serialize(closing.Messages, nameof(closing));
        var time = UnixTime.Of(at);
        return _database.WriteAsync<IReadOnlyList<OutboxEntry>?>(
            db =>
            {
                var customerId = db.Scalar<string>(Close, id, closing.AgentId, status, time, closing.AsksForCsat ? time : null);
                if (customerId is null)
                {
                    return null;
                }

                db.Execute(GiveConversationsToBot, customerId);
                var kind = closing.Status == HandoffTicketStatus.Resolved ? TicketChangeKind.Resolved : TicketChangeKind.ReturnedToBot;
                Changed(db, new TicketChange(kind, id, customerId, closing.AgentId, at) { ConversationId = conversationId, Messages = closing.Messages.Count });
                return HandoffOutbound.Queue(db, conversationId, customerId, closing.Messages, payloads, at, closing.AsksForCsat);
            },
            cancellationToken);
    }

    /// <summary>Queues the CSAT question for a closed (resolved or returned) ticket not asked before; null otherwise.</summary>
    public Task<IReadOnlyList<OutboxEntry>?> AskCsatAsync(
        long id, string conversationId, BotMessage question, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(question);
        var messages = new[] { question };
        var payloads = SqliteOutbound.Serialize(messages, nameof(question));
        var time = UnixTime.Of(at);
        return _database.WriteAsync<IReadOnlyList<OutboxEntry>?>(
            db => db.Scalar<string>(AskCsat, id, time) is { } customerId
                ? HandoffOutbound.Queue(db, conversationId, customerId, messages, payloads, at, asksRating: true)
                : null,
            cancellationToken);
    }

    /// <summary>Records a 1-5 rating once, for a ticket whose customer was asked; a score outside 1-5 throws.</summary>
    public Task<bool> RecordCsatAsync(long id, int score, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        var time = UnixTime.Of(at);
        return _database.WriteAsync(
            db =>
            {
                if (db.Scalar<string>(RecordCsat, id, score, time) is not { } customerId)
                {
                    return false;
                }

                Changed(db, new TicketChange(TicketChangeKind.Rated, id, customerId, AgentId: null, at) { Score = score });
                return true;
            },
            cancellationToken);
    }

    public Task<CustomerRecord?> GetCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return ReadAsync<CustomerRecord?>(
            db =>
            {
                var createdAt = db.Scalar<long?>(SelectCustomerCreatedAt, customerId);
                if (createdAt is not { } created)
                {
                    return null;
                }

                var keys = new List<string>();
                using var reader = db.Query(SelectIdentityKeys, customerId);
                while (reader.Read())
                {
                    keys.Add(reader.GetString(0));
                }

                return new CustomerRecord(customerId, keys, UnixTime.From(created));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<CustomerConversation>> GetCustomerConversationsAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return ReadAsync<IReadOnlyList<CustomerConversation>>(
            db =>
            {
                var conversations = new List<CustomerConversation>();
                using var reader = db.Query(HandoffRows.SelectCustomerConversations, customerId);
                while (reader.Read())
                {
                    conversations.Add(HandoffRows.CustomerConversation(reader));
                }

                return conversations;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<HandoffTicket>> LoadWebhookDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return ReadAsync<IReadOnlyList<HandoffTicket>>(db => HandoffRows.Many(db, SelectWebhookDue, UnixTime.Of(now), max), cancellationToken);
    }

    /// <summary>
    /// Records an attempt of a pending webhook (a ticket already delivered or given up is left as it is): delivered;
    /// to retry at <paramref name="nextAttemptAt"/>; or, with neither, failed for good.
    /// </summary>
    public Task MarkWebhookAsync(long id, bool delivered, string? error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        if (delivered && nextAttemptAt is not null)
        {
            throw new ArgumentException("A delivered webhook has no next attempt.", nameof(nextAttemptAt));
        }

        var reason = Truncate(error);
        return (delivered, nextAttemptAt) switch
        {
            (true, _) => _database.WriteAsync(db => db.Execute(WebhookDelivered, id), cancellationToken),
            (false, { } next) => _database.WriteAsync(db => db.Execute(WebhookRetry, id, reason, UnixTime.Of(next)), cancellationToken),
            _ => _database.WriteAsync(db => db.Execute(WebhookFailed, id, reason ?? "The webhook was given up without a reason."), cancellationToken),
        };
    }

    private void Changed(StatementCache db, TicketChange change)
    {
        foreach (var participant in _participants)
        {
            participant.Write(db, change);
        }
    }

    private Task<T> ReadAsync<T>(Func<StatementCache, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(read));
    }

    /// <summary>
    /// A condition on <c>queue</c>: <paramref name="parameter"/> is null (any queue) or a JSON array of queue names,
    /// compared ignoring (ASCII) case. Part of each conditional statement, so the queue is checked by the statement
    /// that changes the row, never read first.
    /// </summary>
    private static string InQueues(string parameter) =>
        $"({parameter} IS NULL OR lower(queue) IN (SELECT lower(value) FROM json_each({parameter})))";

    /// <summary>The parameter of <see cref="InQueues"/>: null for any queue, else the names as a JSON array.</summary>
    private static string? QueueScope(IReadOnlyCollection<string>? queues) =>
        queues is null ? null : System.Text.Json.JsonSerializer.Serialize(queues);

    private static string? Truncate(string? error) => error is null || error.Length <= 2000 ? error : error[..2000];
}
