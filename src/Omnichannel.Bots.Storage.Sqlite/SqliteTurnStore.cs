namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Reads a turn's conversation, customer and dialog state, and commits everything the turn produced in one
/// transaction. Committing a turn whose inbox row is no longer pending writes nothing, so a turn is committed once.
/// </summary>
public sealed class SqliteTurnStore : ITurnStore
{
    private const string SelectCustomer = "SELECT created_at FROM customers WHERE id = @p1";
    private const string SelectIdentityKeys = "SELECT identity_key FROM customer_identities WHERE customer_id = @p1 ORDER BY created_at, identity_key";
    private const string SelectState = "SELECT state, version FROM dialog_state WHERE customer_id = @p1 AND dialog_id = @p2";
    private const string SelectPreviousChannel = "SELECT channel FROM messages WHERE customer_id = @p1 AND direction = 'in' ORDER BY id DESC LIMIT 1";
    private const string SelectInboxStatus = "SELECT status FROM inbox WHERE seq = @p1";
    private const string SelectStateVersion = "SELECT version FROM dialog_state WHERE customer_id = @p1 AND dialog_id = @p2";
    private const string SelectConversationCustomer = "SELECT customer_id FROM conversations WHERE id = @p1";
    private const string SelectOwnerEpoch = "SELECT owner_epoch FROM conversations WHERE id = @p1";
    private const string MarkProcessed = "UPDATE inbox SET status = @p2, error = @p3, processed_at = @p4 WHERE seq = @p1";

    private const string InsertMessage =
        "INSERT INTO messages (conversation_id, customer_id, channel, direction, inbox_seq, message_id, text, payload, created_at) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)";

    private const string InsertInboundMessage =
        "INSERT INTO messages (conversation_id, customer_id, channel, direction, inbox_seq, message_id, text, payload, created_at, insights) VALUES (@p1, @p2, @p3, 'in', @p4, @p5, @p6, @p7, @p8, @p9)";

    private const string InsertOutbox =
        "INSERT INTO outbox (conversation_id, inbox_seq, message_id, channel, payload, status, next_attempt_at, created_at) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p7) RETURNING id";

    private const string UpsertState =
        "INSERT INTO dialog_state (customer_id, dialog_id, state, version, updated_at) VALUES (@p1, @p2, @p3, @p4, @p5) " +
        "ON CONFLICT (customer_id, dialog_id) DO UPDATE SET state = excluded.state, version = excluded.version, updated_at = excluded.updated_at";

    private const string DeleteState = "DELETE FROM dialog_state WHERE customer_id = @p1 AND dialog_id = @p2";
    private const string UpdateConversation = "UPDATE conversations SET offered_choices = @p2, last_activity_at = @p3 WHERE id = @p1";
    private const string HandConversationOver = "UPDATE conversations SET owner = 'queued', owner_epoch = owner_epoch + 1 WHERE id = @p1 AND owner = 'bot'";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISqliteTurnParticipant[] _participants;

    public SqliteTurnStore(SqliteDatabase database, TimeProvider time, IEnumerable<ISqliteTurnParticipant>? participants = null)
    {
        _database = database;
        _time = time;
        _participants = participants?.ToArray() ?? [];
    }

    public Task<TurnSnapshot> LoadAsync(InboxEntry entry, string dialogId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => Load(db, entry, dialogId)));
    }

    public Task<TurnCommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var inbound = StoredJson.Serialize(commit.Inbound.Message);
        var replies = commit.Replies.Select(StoredJson.Serialize).ToList();
        var offered = StoredJson.Serialize(commit.OfferedChoices);
        var insights = StoredJson.Serialize(commit.Insights);
        var now = _time.GetUtcNow();
        return _database.WriteAsync(db => Commit(db, commit, inbound, insights, replies, offered, now, _participants), cancellationToken);
    }

    private static TurnSnapshot Load(StatementCache db, InboxEntry entry, string dialogId)
    {
        var conversation = SqliteConversations.ById(db, entry.ConversationId)
            ?? throw new InvalidOperationException($"Conversation {entry.ConversationId} of inbox row {entry.Sequence} does not exist.");

        var createdAt = UnixTime.From(db.Scalar<long>(SelectCustomer, conversation.CustomerId));
        var keys = new List<string>();
        using (var reader = db.Query(SelectIdentityKeys, conversation.CustomerId))
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        DialogStateRecord? state = null;
        using (var reader = db.Query(SelectState, conversation.CustomerId, dialogId))
        {
            if (reader.Read())
            {
                state = new DialogStateRecord(reader.GetString(0), reader.GetInt64(1));
            }
        }

        var previousChannel = db.Scalar<string>(SelectPreviousChannel, conversation.CustomerId);
        return new TurnSnapshot(conversation, new CustomerRecord(conversation.CustomerId, keys, createdAt), state)
        {
            PreviousChannel = previousChannel is null ? null : new ChannelId(previousChannel),
        };
    }

    private static TurnCommitResult Commit(
        StatementCache db,
        TurnCommit commit,
        string inbound,
        string? insights,
        List<string> replies,
        string? offered,
        DateTimeOffset now,
        ISqliteTurnParticipant[] participants)
    {
        var entry = commit.Inbound;
        if (db.Scalar<string>(SelectInboxStatus, entry.Sequence) != "pending")
        {
            // Already committed (or purged): writing again would duplicate the turn.
            return new TurnCommitResult([], RepliesDropped: false, StateConflict: false);
        }

        var customerId = entry.CustomerId;
        if (db.Scalar<string>(SelectConversationCustomer, entry.ConversationId) != customerId)
        {
            // The customer was merged into another (or the conversation moved) after the turn read it: the turn runs
            // again on the customer the conversation belongs to now, so nothing is written to one that is gone.
            return new TurnCommitResult([], RepliesDropped: false, StateConflict: true);
        }

        var stateVersion = commit.DialogId is null ? 0 : db.Scalar<long?>(SelectStateVersion, customerId, commit.DialogId) ?? 0;
        if (commit.DialogId is not null && stateVersion != commit.ExpectedStateVersion)
        {
            return new TurnCommitResult([], RepliesDropped: false, StateConflict: true);
        }

        var dropped = db.Scalar<long>(SelectOwnerEpoch, entry.ConversationId) != commit.ExpectedOwnerEpoch;
        var at = UnixTime.Of(now);
        var channel = entry.Message.Channel.Value;
        db.Execute(MarkProcessed, entry.Sequence, StatusText(commit.Status), commit.Error, at);
        db.Execute(InsertInboundMessage, entry.ConversationId, customerId, channel, entry.Sequence, entry.Message.Id, entry.Message.Text, inbound, at, insights);

        var outbox = new List<OutboxEntry>(replies.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            var reply = commit.Replies[i];
            var id = db.Scalar<long>(InsertOutbox, entry.ConversationId, entry.Sequence, reply.Id, reply.Channel.Value, replies[i], dropped ? "dropped" : "pending", at);
            if (!dropped)
            {
                db.Execute(InsertMessage, entry.ConversationId, customerId, reply.Channel.Value, "out", entry.Sequence, reply.Id, reply.Text, replies[i], at);
                outbox.Add(new OutboxEntry(id, entry.ConversationId, reply, 0, now));
            }
        }

        if (commit.DialogId is not null)
        {
            if (commit.DialogStateJson is null)
            {
                db.Execute(DeleteState, customerId, commit.DialogId);
            }
            else
            {
                db.Execute(UpsertState, customerId, commit.DialogId, commit.DialogStateJson, stateVersion + 1, at);
            }
        }

        db.Execute(UpdateConversation, entry.ConversationId, offered, at);
        if (commit.Handoff is not null && !dropped)
        {
            // The conversation goes to people; the handoff feature's participant files the ticket in this transaction.
            db.Execute(HandConversationOver, entry.ConversationId);
        }

        if (participants.Length > 0)
        {
            var written = new SqliteTurnWrite(commit, outbox, dropped, at);
            foreach (var participant in participants)
            {
                participant.Write(db, written);
            }

            outbox.RemoveAll(o => written.DeliveredIds?.Contains(o.Id) == true);
        }

        return new TurnCommitResult(outbox, dropped, StateConflict: false);
    }

    private static string StatusText(TurnStatus status) => status switch
    {
        TurnStatus.Completed => "completed",
        TurnStatus.Failed => "failed",
        _ => "recorded",
    };

    internal static ConversationOwner OwnerFrom(string owner) => owner switch
    {
        "queued" => ConversationOwner.Queued,
        "agent" => ConversationOwner.Agent,
        _ => ConversationOwner.Bot,
    };
}
