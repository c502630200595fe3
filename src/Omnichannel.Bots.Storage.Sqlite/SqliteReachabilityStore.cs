namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Reachability facts on SQLite. The customer's last message comes from the transcript (the newest inbound row of the
/// conversation, by the conversation index); opt-outs and the unreachable mark from <c>conversation_reach</c>. Opt-outs
/// are written with the turn that stores the keyword message (<see cref="SqliteReachabilityTurnParticipant"/>). A read is
/// one statement on a pooled reader; nothing is cached, so every process sharing the file sees every mark.
/// </summary>
public sealed class SqliteReachabilityStore : IReachabilityStore
{
    private const string LastInbound =
        "SELECT m.id, m.created_at FROM messages m WHERE m.conversation_id = @p1 AND m.direction = 'in' ORDER BY m.id DESC LIMIT 1";

    private const string Select =
        "WITH last_in AS (" + LastInbound + ") " +
        "SELECT (SELECT id FROM last_in), (SELECT created_at FROM last_in), " +
        "r.opted_out_at, r.unreachable_at, r.unreachable_reason, r.unreachable_code, r.unreachable_after_message " +
        "FROM (SELECT 1) LEFT JOIN conversation_reach r ON r.conversation_id = @p1";

    private const string MarkUnreachable =
        "INSERT INTO conversation_reach (conversation_id, unreachable_at, unreachable_reason, unreachable_code, unreachable_after_message) " +
        "VALUES (@p1, @p2, @p3, @p4, (SELECT id FROM (" + LastInbound + "))) " +
        "ON CONFLICT (conversation_id) DO UPDATE SET unreachable_at = excluded.unreachable_at, unreachable_reason = excluded.unreachable_reason, " +
        "unreachable_code = excluded.unreachable_code, unreachable_after_message = excluded.unreachable_after_message";

    /// <summary>An opt-out, keeping the time of one already recorded (shared with the turn participant's keyword opt-out).</summary>
    internal const string MarkOptedOut =
        "INSERT INTO conversation_reach (conversation_id, opted_out_at) VALUES (@p1, @p2) " +
        "ON CONFLICT (conversation_id) DO UPDATE SET opted_out_at = COALESCE(opted_out_at, excluded.opted_out_at)";

    private const int MaxReasonLength = 500;

    private readonly SqliteDatabase _database;

    public SqliteReachabilityStore(SqliteDatabase database)
    {
        _database = database;
    }

    public Task<ConversationReach> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db =>
        {
            using var reader = db.Query(Select, conversationId);
            if (!reader.Read())
            {
                return ConversationReach.None;
            }

            long? lastInboundId = reader.IsDBNull(0) ? null : reader.GetInt64(0);
            var markedAfter = reader.IsDBNull(6) ? (long?)null : reader.GetInt64(6);
            var marked = !reader.IsDBNull(3) && (lastInboundId is null || (markedAfter is { } after && lastInboundId <= after));
            return lastInboundId is null && reader.IsDBNull(2) && !marked
                ? ConversationReach.None
                : new ConversationReach
                {
                    LastInboundAt = reader.IsDBNull(1) ? null : UnixTime.From(reader.GetInt64(1)),
                    OptedOutAt = reader.IsDBNull(2) ? null : UnixTime.From(reader.GetInt64(2)),
                    Unreachable = marked
                        ? new UnreachableMark(reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), UnixTime.From(reader.GetInt64(3)))
                        : null,
                };
        }));
    }

    public Task MarkUnreachableAsync(string conversationId, UnreachableMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(mark);
        var reason = mark.Reason.Length <= MaxReasonLength ? mark.Reason : mark.Reason[..MaxReasonLength];
        return _database.WriteAsync(db => db.Execute(MarkUnreachable, conversationId, UnixTime.Of(mark.At), reason, mark.ProviderCode), cancellationToken);
    }

    public Task MarkOptedOutAsync(string conversationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return _database.WriteAsync(db => db.Execute(MarkOptedOut, conversationId, UnixTime.Of(at)), cancellationToken);
    }
}
