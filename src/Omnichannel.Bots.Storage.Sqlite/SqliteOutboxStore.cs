namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>The outbox on SQLite.</summary>
public sealed class SqliteOutboxStore : IOutboxStore
{
    // INDEXED BY: without it SQLite satisfies "ORDER BY o.id LIMIT" by walking the whole table in id order, i.e.
    // every row ever sent, on every sweep (one per committed turn). The partial index holds only pending rows.
    private const string SelectDue =
        "SELECT o.id, o.conversation_id, o.payload, o.attempts, o.created_at FROM outbox o INDEXED BY ix_outbox_due " +
        "WHERE o.status = 'pending' AND o.next_attempt_at <= @p1 " +
        "AND NOT EXISTS (SELECT 1 FROM outbox w WHERE w.conversation_id = o.conversation_id AND w.status = 'pending' AND w.id < o.id AND w.next_attempt_at > @p1) " +
        "ORDER BY o.id LIMIT @p2";

    private const string MarkSent =
        "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = @p2, provider_message_id = @p3, last_error = NULL WHERE id = @p1 AND status = 'pending'";

    private const string MarkRetry =
        "UPDATE outbox SET attempts = attempts + 1, last_error = @p2, next_attempt_at = @p3 WHERE id = @p1 AND status = 'pending'";

    private const string MarkFailed =
        "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @p2 WHERE id = @p1 AND status = 'pending'";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteOutboxStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public Task<IReadOnlyList<OutboxEntry>> LoadDueAsync(int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = UnixTime.Of(_time.GetUtcNow());
        return Task.FromResult(_database.Read<IReadOnlyList<OutboxEntry>>(db =>
        {
            var due = new List<OutboxEntry>();
            using var reader = db.Query(SelectDue, now, max);
            while (reader.Read())
            {
                due.Add(new OutboxEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    StoredJson.DeserializeMessage(reader.GetString(2)),
                    reader.GetInt32(3),
                    UnixTime.From(reader.GetInt64(4))));
            }

            return due;
        }));
    }

    public Task MarkSentAsync(long id, string? providerMessageId, CancellationToken cancellationToken)
    {
        var now = UnixTime.Of(_time.GetUtcNow());
        return _database.WriteAsync(db => db.Execute(MarkSent, id, now, providerMessageId), cancellationToken);
    }

    public Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        _database.WriteAsync(db => db.Execute(MarkRetry, id, Truncate(error), UnixTime.Of(nextAttemptAt)), cancellationToken);

    public Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken) =>
        _database.WriteAsync(db => db.Execute(MarkFailed, id, Truncate(error)), cancellationToken);

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
