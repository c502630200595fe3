namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The reachability policy's table (<see cref="SqliteReachabilityStore"/>): per conversation, since when the customer has
/// opted out, and the provider's unreachable mark with the customer's last message at the time (a later one clears it).
/// A row exists only for a conversation that has had one of these. Never edit a released migration: add the next one.
/// </summary>
internal static class SqliteReachabilitySchema
{
    public const string Feature = "reachability";

    public static SqliteSchema Schema { get; } = new(
        Feature,
        [
            """
            CREATE TABLE conversation_reach (
                conversation_id TEXT PRIMARY KEY REFERENCES conversations (id),
                opted_out_at INTEGER,
                unreachable_at INTEGER,
                unreachable_reason TEXT,
                unreachable_code TEXT,
                -- The id of the customer's last transcript row on the conversation when it was marked (NULL: none yet);
                -- a later inbound row means they wrote again, which lifts the mark.
                unreachable_after_message INTEGER
            ) STRICT, WITHOUT ROWID;

            -- Until this table, opt-outs were read from the transcript with the SMS profile's keywords (the only shipped
            -- profile that has any): carry over each SMS conversation whose last keyword message is an opt-out.
            INSERT INTO conversation_reach (conversation_id, opted_out_at)
            SELECT m.conversation_id, m.created_at FROM messages m
            WHERE m.id IN (
                SELECT MAX(k.id) FROM messages k
                WHERE k.channel = 'sms' AND k.direction = 'in'
                AND upper(trim(rtrim(trim(k.text), '.!'))) IN ('STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'START', 'UNSTOP')
                GROUP BY k.conversation_id)
            AND upper(trim(rtrim(trim(m.text), '.!'))) IN ('STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT');
            """,
        ]);
}
