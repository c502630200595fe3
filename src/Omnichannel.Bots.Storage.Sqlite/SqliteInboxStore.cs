using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The inbox on SQLite: dedupe, customer and conversation resolution (linking the claims, merging customers a verified key
/// shows are one, with every <see cref="ISqliteCustomerMerge"/>), the sender's name and the inbox row in one transaction.
/// </summary>
public sealed class SqliteInboxStore : IInboxStore
{
    private const string FindDuplicate =
        "SELECT 1 FROM inbox WHERE channel = @p1 AND account = @p2 AND provider_message_id = @p3";

    private const string InsertInbox =
        "INSERT INTO inbox (channel, account, provider_message_id, conversation_id, customer_id, payload, raw, received_at) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) RETURNING seq";

    // The latest name a channel gave (the customer directory's name).
    private const string UpdateName = "UPDATE customers SET name = @p2, name_at = @p3 WHERE id = @p1 AND name IS NOT @p2";

    private const string SelectPending =
        "SELECT seq, payload, conversation_id, customer_id, received_at FROM inbox WHERE status = 'pending' ORDER BY seq";

    private const string ClaimRequeued =
        "UPDATE inbox SET requeued_at = NULL WHERE requeued_at IS NOT NULL AND status = 'pending' RETURNING seq, payload, conversation_id, customer_id, received_at";

    private const string Park =
        "UPDATE inbox SET status = 'parked', error = @p2, attempts = attempts + @p3, parked_at = @p4, requeued_at = NULL WHERE seq = @p1 AND status = 'pending'";

    // Parked rows have no processed_at, so they are never purged; dropped ones get one and go with the processed rows.
    private const string DeleteProcessed = "DELETE FROM inbox WHERE status NOT IN ('pending', 'parked') AND processed_at < @p1";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISqliteCustomerMerge[] _merges;

    public SqliteInboxStore(SqliteDatabase database, TimeProvider time, IEnumerable<ISqliteCustomerMerge>? merges = null)
    {
        _database = database;
        _time = time;
        _merges = merges?.ToArray() ?? [];
    }

    public Task<InboxAppendResult> AppendAsync(BotMessage message, IReadOnlyList<IdentityClaim> identityClaims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(identityClaims);
        var payload = StoredJson.Serialize(message);
        var raw = StoredJson.RawText(message);
        var receivedAt = _time.GetUtcNow();
        return _database.WriteAsync(db => Append(db, message, identityClaims, payload, raw, receivedAt, _merges), cancellationToken);
    }

    public Task<IReadOnlyList<InboxEntry>> LoadPendingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read<IReadOnlyList<InboxEntry>>(db => ReadEntries(db, SelectPending)));
    }

    public Task ParkAsync(long sequence, string error, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var at = UnixTime.Of(_time.GetUtcNow());
        return _database.WriteAsync(db => db.Execute(Park, sequence, error, attempts, at), cancellationToken);
    }

    public Task<IReadOnlyList<InboxEntry>> ClaimRequeuedAsync(CancellationToken cancellationToken) =>
        _database.WriteAsync<IReadOnlyList<InboxEntry>>(db => ReadEntries(db, ClaimRequeued), cancellationToken);

    public Task<int> PurgeProcessedAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken) =>
        _database.WriteAsync(db => db.Execute(DeleteProcessed, UnixTime.Of(processedBefore)), cancellationToken);

    private static List<InboxEntry> ReadEntries(StatementCache db, string sql)
    {
        var entries = new List<InboxEntry>();
        using var reader = db.Query(sql);
        while (reader.Read())
        {
            entries.Add(new InboxEntry(
                reader.GetInt64(0),
                StoredJson.DeserializeMessage(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                UnixTime.From(reader.GetInt64(4))));
        }

        // RETURNING gives no order; turns of one conversation are scheduled by sequence.
        entries.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return entries;
    }

    private static InboxAppendResult Append(
        StatementCache db,
        BotMessage message,
        IReadOnlyList<IdentityClaim> identityClaims,
        string payload,
        string? raw,
        DateTimeOffset receivedAt,
        IReadOnlyList<ISqliteCustomerMerge> merges)
    {
        var channel = message.Channel.Value;
        var account = message.Conversation.Account;
        if (db.Scalar<long?>(FindDuplicate, channel, account, message.Id) is not null)
        {
            return new InboxAppendResult(null);
        }

        var now = UnixTime.Of(receivedAt);
        var (conversationId, customerId) = SqliteConversations.FindOrCreate(db, message.Channel, message.Conversation, message.Locale, identityClaims, now, merges);
        if (!string.IsNullOrWhiteSpace(message.Sender?.Name))
        {
            db.Execute(UpdateName, customerId, message.Sender.Name, now);
        }

        var sequence = db.Scalar<long>(InsertInbox, channel, account, message.Id, conversationId, customerId, payload, raw, now);
        return new InboxAppendResult(new InboxEntry(sequence, message, conversationId, customerId, receivedAt));
    }
}
