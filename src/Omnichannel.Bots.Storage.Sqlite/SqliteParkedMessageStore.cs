namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Parked inbox rows on SQLite, for operators (<c>omnibot inbox parked</c>) and <c>/healthz</c>. Safe to use from
/// another process while the host runs: a retried row is claimed by the host's next look for put-back messages.
/// </summary>
public sealed class SqliteParkedMessageStore : IParkedMessageStore
{
    private const string SelectSummary =
        "SELECT COUNT(*), (SELECT seq FROM inbox WHERE status = 'parked' ORDER BY parked_at, seq LIMIT 1), MIN(parked_at) FROM inbox WHERE status = 'parked'";

    private const string SelectParked =
        "SELECT seq, channel, account, payload, attempts, parked_at, error FROM inbox WHERE status = 'parked' ORDER BY parked_at, seq";

    private const string Requeue =
        "UPDATE inbox SET status = 'pending', requeued_at = @p2 WHERE status = 'parked' AND (seq = @p1 OR @p1 IS NULL)";

    private const string Drop =
        "UPDATE inbox SET status = 'dropped', processed_at = @p2 WHERE seq = @p1 AND status = 'parked'";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteParkedMessageStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public ParkedSummary Summarize() => _database.Read(db =>
    {
        using var reader = db.Query(SelectSummary);
        reader.Read();
        return new ParkedSummary(
            reader.GetInt32(0),
            reader.IsDBNull(1) ? null : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : UnixTime.From(reader.GetInt64(2)));
    });

    public Task<IReadOnlyList<ParkedMessage>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read<IReadOnlyList<ParkedMessage>>(db =>
        {
            var parked = new List<ParkedMessage>();
            using var reader = db.Query(SelectParked);
            while (reader.Read())
            {
                var message = StoredJson.DeserializeMessage(reader.GetString(3));
                parked.Add(new ParkedMessage(
                    reader.GetInt64(0),
                    new ChannelId(reader.GetString(1)),
                    new ConversationAddress(reader.GetString(2), message.Conversation.Id),
                    reader.GetInt32(4),
                    UnixTime.From(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? string.Empty : reader.GetString(6)));
            }

            return parked;
        }));
    }

    public async Task<bool> RetryAsync(long sequence, CancellationToken cancellationToken) =>
        await RequeueAsync(sequence, cancellationToken).ConfigureAwait(false) == 1;

    public Task<int> RetryAllAsync(CancellationToken cancellationToken) => RequeueAsync(null, cancellationToken);

    public async Task<bool> DropAsync(long sequence, CancellationToken cancellationToken)
    {
        var at = UnixTime.Of(_time.GetUtcNow());
        return await _database.WriteAsync(db => db.Execute(Drop, sequence, at), cancellationToken).ConfigureAwait(false) == 1;
    }

    private Task<int> RequeueAsync(long? sequence, CancellationToken cancellationToken)
    {
        var at = UnixTime.Of(_time.GetUtcNow());
        return _database.WriteAsync(db => db.Execute(Requeue, sequence, at), cancellationToken);
    }
}
