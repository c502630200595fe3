namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Transcripts on SQLite, oldest first; inbound rows carry what their turn learned, outbound rows their delivery state,
/// read in the same statement from the message's outbox row (one lookup in the outbox's unique
/// <c>(inbox_seq, message_id)</c> index per outbound row, so the per-turn <see cref="GetRecentByCustomerAsync"/> pays
/// one index probe per recent bot message, not a scan).
/// </summary>
public sealed class SqliteTranscriptStore : ITranscriptStore
{
    internal const string Columns =
        "SELECT m.id, m.conversation_id, m.customer_id, m.channel, m.direction, m.payload, m.created_at, m.insights, " +
        "o.delivery_status, o.delivery_at, o.delivery_error_code, o.delivery_error_message FROM messages m " +
        "LEFT JOIN outbox o ON m.direction = 'out' AND o.inbox_seq = m.inbox_seq AND o.message_id = m.message_id ";

    internal const string SelectRecentByCustomer = Columns + "WHERE m.customer_id = @p1 ORDER BY m.id DESC LIMIT @p2";

    private readonly SqliteDatabase _database;

    public SqliteTranscriptStore(SqliteDatabase database)
    {
        _database = database;
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetByCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        ReadAsync(Columns + "WHERE m.customer_id = @p1 ORDER BY m.id", customerId, cancellationToken);

    public Task<IReadOnlyList<TranscriptEntry>> GetByConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        ReadAsync(Columns + "WHERE m.conversation_id = @p1 ORDER BY m.id", conversationId, cancellationToken);

    public async Task<IReadOnlyList<TranscriptEntry>> GetRecentByCustomerAsync(string customerId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var newestFirst = await ReadAsync(SelectRecentByCustomer, customerId, cancellationToken, max).ConfigureAwait(false);
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
                    Delivery = reader.IsDBNull(8) ? null : new DeliveryState(DeliveryStatusText.Parse(reader.GetString(8)), UnixTime.From(reader.GetInt64(9)))
                    {
                        ErrorCode = reader.IsDBNull(10) ? null : reader.GetString(10),
                        ErrorMessage = reader.IsDBNull(11) ? null : reader.GetString(11),
                    },
                });
            }

            return entries;
        }));
    }
}
