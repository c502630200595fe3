using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Journeys.Storage;

/// <summary>
/// The journeys feature's table: <c>journey_events</c>, each customer's append-only log of journey events (see
/// <see cref="JourneyEvent"/>), written by the turn commit and the desk's changes, read by the metrics. Keyed by
/// customer (merged with them, exported and erased with them).
/// </summary>
public static class SqliteJourneysSchema
{
    public const string Feature = "journeys";

    private const string SelectTable = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journey_events'";

    /// <summary>True when the database has the journeys table (a bot with <c>AddJourneys()</c> opened it).</summary>
    public static bool IsInstalled(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Read(db => db.Scalar<long>(SelectTable)) > 0;
    }

    public static SqliteSchema Schema { get; } = new(
        Feature,
        [
            """
            CREATE TABLE journey_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('message-in', 'bot-messages', 'channel-switch', 'handoff', 'claimed', 'requeued',
                    'agent-message', 'returned-to-bot', 'resolved', 'rating', 'slot-given', 'slot-asked')),
                channel TEXT,
                ticket_id INTEGER,
                agent_id TEXT,
                slot TEXT,
                score INTEGER CHECK (score BETWEEN 1 AND 5),
                count INTEGER NOT NULL DEFAULT 1
            ) STRICT;
            CREATE INDEX ix_journey_events_customer ON journey_events (customer_id, id);
            CREATE INDEX ix_journey_events_at ON journey_events (at);
            """,
        ]);
}
