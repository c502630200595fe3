namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>Transcripts on SQLite, oldest first; inbound rows carry what their turn learned.</summary>
public sealed class SqliteTranscriptStore : ITranscriptStore
{
    private const string Columns = "SELECT id, conversation_id, customer_id, channel, direction, payload, created_at, insights FROM messages ";

    private readonly SqliteDatabase _database;

    public SqliteTranscriptStore(SqliteDatabase database)
    {
        _database = database;
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetByCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        ReadAsync(Columns + "WHERE customer_id = @p1 ORDER BY id", customerId, cancellationToken);

    public Task<IReadOnlyList<TranscriptEntry>> GetByConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        ReadAsync(Columns + "WHERE conversation_id = @p1 ORDER BY id", conversationId, cancellationToken);

    public async Task<IReadOnlyList<TranscriptEntry>> GetRecentByCustomerAsync(string customerId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var newestFirst = await ReadAsync(Columns + "WHERE customer_id = @p1 ORDER BY id DESC LIMIT @p2", customerId, cancellationToken, max).ConfigureAwait(false);
        return [.. newestFirst.Reverse()];
    }

    private Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string sql, string key, CancellationToken cancellationToken, int? limit = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read<IReadOnlyList<TranscriptEntry>>(db =>
        {
            var entries = new List<TranscriptEntry>();
            using var reader = limit is { } max ? db.Query(sql, key, max) : db.Query(sql, key);
            while (reader.Read())
            {
                entries.Add(new TranscriptEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    new ChannelId(reader.GetString(3)),
                    reader.GetString(4) == "in" ? MessageDirection.Inbound : MessageDirection.Outbound,
                    StoredJson.DeserializeMessage(reader.GetString(5)),
                    UnixTime.From(reader.GetInt64(6)))
                {
                    Insights = StoredJson.DeserializeInsights(reader.IsDBNull(7) ? null : reader.GetString(7)),
                });
            }

            return entries;
        }));
    }
}
