using Microsoft.Data.Sqlite;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Web chat's activity logs on SQLite (tables of <see cref="SqliteWebChatSchema"/>), committed with the other writes of
/// the same group. <see cref="Append"/> is also what <see cref="SqliteWebChatTurnParticipant"/> calls inside a turn's
/// transaction.
/// </summary>
internal sealed class SqliteActivityLogStore : IActivityLogStore
{
    private const string InsertLog = "INSERT INTO activity_logs (id, owner_id, created_at) VALUES (@p1, @p2, @p3) ON CONFLICT (id) DO NOTHING";
    private const string SelectOwner = "SELECT owner_id FROM activity_logs WHERE id = @p1";
    private const string SelectCreatedAt = "SELECT created_at FROM activity_logs WHERE id = @p1";

    private const string InsertEntry =
        "INSERT INTO activity_log_entries (log_id, dedupe_key, payload, created_at) VALUES (@p1, @p2, @p3, @p4) ON CONFLICT (log_id, dedupe_key) DO NOTHING RETURNING seq";

    private const string SelectByKey = "SELECT seq, dedupe_key, payload, created_at FROM activity_log_entries WHERE log_id = @p1 AND dedupe_key = @p2";

    private const string SelectAfter =
        "SELECT seq, dedupe_key, payload, created_at FROM activity_log_entries WHERE log_id = @p1 AND seq > @p2 ORDER BY seq LIMIT @p3";

    private const string SetResumeSecret = "UPDATE activity_logs SET resume_secret_hash = @p2 WHERE id = @p1";

    private const string RotateResumeSecret = "UPDATE activity_logs SET resume_secret_hash = @p3 WHERE id = @p1 AND resume_secret_hash = @p2";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteActivityLogStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public Task<bool> CreateAsync(string logId, string ownerId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _database.WriteAsync(db => db.Execute(InsertLog, logId, ownerId, now) == 1, cancellationToken);
    }

    public Task<string?> FindOwnerAsync(string logId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => FindOwner(db, logId)));
    }

    public Task<DateTimeOffset?> FindCreatedAtAsync(string logId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => db.Scalar<long?>(SelectCreatedAt, logId) is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : (DateTimeOffset?)null));
    }

    public Task<ActivityLogAppend> AppendAsync(string logId, string dedupeKey, string payload, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _database.WriteAsync(db => Append(db, logId, dedupeKey, payload, now), cancellationToken);
    }

    public Task<IReadOnlyList<ActivityLogEntry>> ReadAsync(string logId, long after, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read<IReadOnlyList<ActivityLogEntry>>(db =>
        {
            var entries = new List<ActivityLogEntry>();
            using var reader = db.Query(SelectAfter, logId, after, max);
            while (reader.Read())
            {
                entries.Add(ReadEntry(reader));
            }

            return entries;
        }));
    }

    public Task<bool> SetResumeSecretHashAsync(string logId, string secretHash, CancellationToken cancellationToken) =>
        _database.WriteAsync(db => db.Execute(SetResumeSecret, logId, secretHash) == 1, cancellationToken);

    public Task<bool> RotateResumeSecretHashAsync(string logId, string presentedHash, string newHash, CancellationToken cancellationToken) =>
        _database.WriteAsync(db => db.Execute(RotateResumeSecret, logId, presentedHash, newHash) == 1, cancellationToken);

    /// <summary>The log's owner, or null when there is no such log.</summary>
    public static string? FindOwner(StatementCache db, string logId) => db.Scalar<string>(SelectOwner, logId);

    /// <summary>Appends in the caller's transaction, unless the dedupe key is already in the log (then returns that entry).</summary>
    /// <param name="db">The writer's statements.</param>
    /// <param name="logId">The conversation's log (it must exist).</param>
    /// <param name="dedupeKey">The entry's key in the log.</param>
    /// <param name="payload">The activity's JSON, without an id.</param>
    /// <param name="at">The time stored, in Unix milliseconds.</param>
    public static ActivityLogAppend Append(StatementCache db, string logId, string dedupeKey, string payload, long at)
    {
        var sequence = db.Scalar<long?>(InsertEntry, logId, dedupeKey, payload, at);
        if (sequence is { } added)
        {
            return new ActivityLogAppend(added, Added: true, new ActivityLogEntry(added, dedupeKey, payload, DateTimeOffset.FromUnixTimeMilliseconds(at)));
        }

        using var reader = db.Query(SelectByKey, logId, dedupeKey);
        reader.Read();
        var earlier = ReadEntry(reader);
        return new ActivityLogAppend(earlier.Sequence, Added: false, earlier);
    }

    private static ActivityLogEntry ReadEntry(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
}
