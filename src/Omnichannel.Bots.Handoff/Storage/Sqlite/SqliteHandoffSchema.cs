using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>
/// Handoff's tables: tickets (<c>handoff_requests</c>: queue, priority, rule, status, agent, CSAT, webhook delivery;
/// one open ticket per customer) and agents' notes. Version 1 is the state legacy schema 5 left them in (never edit
/// it); version 2 adds <c>journeys</c>, the customers' journey facts (a database upgraded to it starts every journey's
/// facts empty).
/// </summary>
public static class SqliteHandoffSchema
{
    public const string Feature = "handoff";

    public static SqliteSchema Schema { get; } = new(
        Feature,
        [
            """
            CREATE TABLE handoff_requests (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation_id TEXT NOT NULL REFERENCES conversations (id),
                customer_id TEXT NOT NULL REFERENCES customers (id),
                inbox_seq INTEGER NOT NULL UNIQUE,
                reason TEXT NOT NULL,
                requested_at INTEGER NOT NULL,
                queue TEXT NOT NULL DEFAULT 'general',
                priority INTEGER NOT NULL DEFAULT 1,
                rule TEXT,
                rule_source TEXT,
                status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'assigned', 'resolved', 'returned')),
                agent_id TEXT,
                queued_at INTEGER NOT NULL DEFAULT 0,
                claimed_at INTEGER,
                requeued_at INTEGER,
                last_agent_reply_at INTEGER,
                closed_at INTEGER,
                csat_requested_at INTEGER,
                csat_score INTEGER CHECK (csat_score BETWEEN 1 AND 5),
                csat_at INTEGER,
                webhook_status TEXT NOT NULL DEFAULT 'pending' CHECK (webhook_status IN ('pending', 'delivered', 'failed')),
                webhook_attempts INTEGER NOT NULL DEFAULT 0,
                webhook_next_at INTEGER,
                webhook_error TEXT
            ) STRICT;

            -- At most one open ticket per customer: a second escalation joins the open one.
            CREATE UNIQUE INDEX ix_handoff_open_customer ON handoff_requests (customer_id) WHERE status IN ('queued', 'assigned');
            CREATE INDEX ix_handoff_customer ON handoff_requests (customer_id, id);
            CREATE INDEX ix_handoff_closed ON handoff_requests (closed_at) WHERE closed_at IS NOT NULL;
            CREATE INDEX ix_handoff_webhook_due ON handoff_requests (webhook_next_at, id) WHERE webhook_status = 'pending';

            CREATE TABLE handoff_notes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                handoff_id INTEGER NOT NULL REFERENCES handoff_requests (id),
                agent_id TEXT NOT NULL,
                text TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX ix_handoff_notes_handoff ON handoff_notes (handoff_id, id);
            """,
            """
            -- Version 2: each customer's journey facts (see JourneyFacts), written with the turn and by the desk.
            CREATE TABLE journeys (
                customer_id TEXT PRIMARY KEY,
                last_message_at INTEGER NOT NULL,
                decline_streak INTEGER NOT NULL DEFAULT 0,
                -- JSON arrays: the last three sentiment scores; the amounts mentioned.
                sentiments TEXT NOT NULL DEFAULT '[]',
                amounts TEXT NOT NULL DEFAULT '[]',
                last_intent TEXT,
                clarify_text TEXT,
                rating_conversation_id TEXT
            ) STRICT, WITHOUT ROWID;
            """,
        ]);
}
