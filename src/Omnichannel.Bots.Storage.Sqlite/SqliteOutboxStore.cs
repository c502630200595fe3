using Omnichannel.Bots.Delivery;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The outbox on SQLite. Marking a row sent gives its message the delivery status <see cref="DeliveryStatus.Sent"/> and
/// attaches the provider's reports that arrived before it (<see cref="SqliteDeliveryReports"/>); a send given up on is
/// <see cref="DeliveryStatus.Failed"/> with the error.
/// </summary>
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
        "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = @p2, provider_message_id = @p3, last_error = NULL, " +
        "delivery_status = 'sent', delivery_at = @p2, delivery_error_code = NULL, delivery_error_message = NULL WHERE id = @p1 AND status = 'pending' RETURNING channel";

    private const string AttachEarlyReports =
        "UPDATE delivery_reports SET outbox_id = @p1 WHERE channel = @p2 AND provider_message_id = @p3 AND outbox_id IS NULL " +
        "RETURNING status, at, error_code, error_message";

    private const string SelectDeliveryStatus = "SELECT delivery_status FROM outbox WHERE id = @p1";

    private const string UpdateDelivery =
        "UPDATE outbox SET delivery_status = @p2, delivery_at = @p3, delivery_error_code = @p4, delivery_error_message = @p5 WHERE id = @p1";

    private const string MarkRetry =
        "UPDATE outbox SET attempts = attempts + 1, last_error = @p2, next_attempt_at = @p3 WHERE id = @p1 AND status = 'pending'";

    private const string MarkFailed =
        "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @p2, " +
        "delivery_status = 'failed', delivery_at = @p3, delivery_error_code = NULL, delivery_error_message = @p2 WHERE id = @p1 AND status = 'pending'";

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
        var now = _time.GetUtcNow();
        return _database.WriteAsync(db => MarkSentIn(db, id, providerMessageId, now), cancellationToken);
    }

    public Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        _database.WriteAsync(db => db.Execute(MarkRetry, id, Bounded(error), UnixTime.Of(nextAttemptAt)), cancellationToken);

    public Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken)
    {
        var now = UnixTime.Of(_time.GetUtcNow());
        return _database.WriteAsync(db => db.Execute(MarkFailed, id, Bounded(error), now), cancellationToken);
    }

    /// <summary>
    /// Marks a pending row sent inside a write already under way (a turn participant delivering in the turn's commit);
    /// false when it was not pending. Its message's status becomes <see cref="DeliveryStatus.Sent"/>, moved on at once
    /// by any report for <paramref name="providerMessageId"/> that arrived first.
    /// </summary>
    public static bool MarkSentIn(StatementCache db, long id, string? providerMessageId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        var channel = db.Scalar<string>(MarkSent, id, UnixTime.Of(at), providerMessageId);
        if (channel is null)
        {
            return false;
        }

        if (providerMessageId is null)
        {
            return true;
        }

        var early = new List<DeliveryState>();
        using (var reader = db.Query(AttachEarlyReports, id, channel, providerMessageId))
        {
            while (reader.Read())
            {
                early.Add(new DeliveryState(DeliveryStatusText.Parse(reader.GetString(0)), UnixTime.From(reader.GetInt64(1)))
                {
                    ErrorCode = reader.IsDBNull(2) ? null : reader.GetString(2),
                    ErrorMessage = reader.IsDBNull(3) ? null : reader.GetString(3),
                });
            }
        }

        foreach (var state in early.OrderBy(s => s.At))
        {
            Advance(db, id, state);
        }

        return true;
    }

    /// <summary>Makes <paramref name="state"/> the row's delivery state when it moves the message forward (<see cref="DeliveryProgress"/>).</summary>
    internal static void Advance(StatementCache db, long id, DeliveryState state)
    {
        var current = db.Scalar<string>(SelectDeliveryStatus, id);
        if (DeliveryProgress.Advances(current is null ? null : DeliveryStatusText.Parse(current), state.Status))
        {
            db.Execute(UpdateDelivery, id, DeliveryStatusText.Of(state.Status), UnixTime.Of(state.At), state.ErrorCode, state.ErrorMessage);
        }
    }

    /// <summary>Errors and provider text are stored up to 2,000 characters.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    internal static string? Bounded(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
