namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The schema as it was migrated before each feature versioned its own tables: one numbered list for every table, the
/// database's <c>PRAGMA user_version</c> the number of the last one applied. Frozen: a database written then is first
/// brought to schema 5 by these, and then recorded in <c>schema_migrations</c> as <c>core</c>, <c>handoff</c> and
/// <c>webchat</c> version 1 (see <see cref="SqliteMigrator"/>). New tables and columns go in a feature's
/// <see cref="SqliteSchema"/>, never here.
/// </summary>
internal static class SqliteLegacyMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        """
        CREATE TABLE customers (
            id TEXT PRIMARY KEY,
            created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE customer_identities (
            identity_key TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX ix_customer_identities_customer ON customer_identities (customer_id);

        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            account TEXT NOT NULL,
            external_id TEXT NOT NULL,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            owner TEXT NOT NULL DEFAULT 'bot',
            owner_epoch INTEGER NOT NULL DEFAULT 0,
            offered_choices TEXT,
            locale TEXT,
            created_at INTEGER NOT NULL,
            last_activity_at INTEGER NOT NULL,
            UNIQUE (channel, account, external_id)
        ) STRICT;
        CREATE INDEX ix_conversations_customer ON conversations (customer_id);

        CREATE TABLE inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            account TEXT NOT NULL,
            provider_message_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL REFERENCES conversations (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            payload TEXT NOT NULL,
            raw TEXT,
            status TEXT NOT NULL DEFAULT 'pending',
            error TEXT,
            received_at INTEGER NOT NULL,
            processed_at INTEGER,
            UNIQUE (channel, account, provider_message_id)
        ) STRICT;
        CREATE INDEX ix_inbox_pending ON inbox (seq) WHERE status = 'pending';
        CREATE INDEX ix_inbox_processed ON inbox (processed_at) WHERE status <> 'pending';

        CREATE TABLE messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL REFERENCES conversations (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            channel TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            inbox_seq INTEGER NOT NULL,
            message_id TEXT NOT NULL,
            text TEXT,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            UNIQUE (inbox_seq, direction, message_id)
        ) STRICT;
        CREATE INDEX ix_messages_conversation ON messages (conversation_id, id);
        CREATE INDEX ix_messages_customer ON messages (customer_id, id);

        CREATE TABLE dialog_state (
            customer_id TEXT NOT NULL REFERENCES customers (id),
            dialog_id TEXT NOT NULL,
            state TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (customer_id, dialog_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL REFERENCES conversations (id),
            inbox_seq INTEGER NOT NULL,
            message_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            provider_message_id TEXT,
            created_at INTEGER NOT NULL,
            sent_at INTEGER,
            UNIQUE (inbox_seq, message_id)
        ) STRICT;
        CREATE INDEX ix_outbox_pending ON outbox (conversation_id, id) WHERE status = 'pending';
        CREATE INDEX ix_outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';

        CREATE TABLE handoff_requests (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL REFERENCES conversations (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            inbox_seq INTEGER NOT NULL UNIQUE,
            reason TEXT NOT NULL,
            requested_at INTEGER NOT NULL
        ) STRICT;
        """,
        """
        CREATE TABLE activity_logs (
            id TEXT PRIMARY KEY,
            owner_id TEXT NOT NULL,
            created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE activity_log_entries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            log_id TEXT NOT NULL REFERENCES activity_logs (id),
            dedupe_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            UNIQUE (log_id, dedupe_key)
        ) STRICT;
        CREATE INDEX ix_activity_log_entries_log ON activity_log_entries (log_id, seq);
        """,
        """
        ALTER TABLE messages ADD COLUMN insights TEXT;

        ALTER TABLE handoff_requests ADD COLUMN queue TEXT NOT NULL DEFAULT 'general';
        ALTER TABLE handoff_requests ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE handoff_requests ADD COLUMN rule TEXT;
        ALTER TABLE handoff_requests ADD COLUMN rule_source TEXT;
        ALTER TABLE handoff_requests ADD COLUMN status TEXT NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'assigned', 'resolved', 'returned'));
        ALTER TABLE handoff_requests ADD COLUMN agent_id TEXT;
        ALTER TABLE handoff_requests ADD COLUMN queued_at INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE handoff_requests ADD COLUMN claimed_at INTEGER;
        ALTER TABLE handoff_requests ADD COLUMN requeued_at INTEGER;
        ALTER TABLE handoff_requests ADD COLUMN last_agent_reply_at INTEGER;
        ALTER TABLE handoff_requests ADD COLUMN closed_at INTEGER;
        ALTER TABLE handoff_requests ADD COLUMN csat_requested_at INTEGER;
        ALTER TABLE handoff_requests ADD COLUMN csat_score INTEGER CHECK (csat_score BETWEEN 1 AND 5);
        ALTER TABLE handoff_requests ADD COLUMN csat_at INTEGER;
        ALTER TABLE handoff_requests ADD COLUMN webhook_status TEXT NOT NULL DEFAULT 'pending'
            CHECK (webhook_status IN ('pending', 'delivered', 'failed'));
        ALTER TABLE handoff_requests ADD COLUMN webhook_attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE handoff_requests ADD COLUMN webhook_next_at INTEGER;
        ALTER TABLE handoff_requests ADD COLUMN webhook_error TEXT;

        -- Requests of schema 1-2 become tickets: each customer's latest one stays queued while its conversation is
        -- still with people (and its webhook is due); any other was superseded and counts as handed back to the bot.
        UPDATE handoff_requests SET queued_at = requested_at;
        UPDATE handoff_requests
        SET status = 'returned', closed_at = requested_at, webhook_status = 'failed',
            webhook_error = 'Not sent: the request was closed before handoff tickets existed (schema 3).'
        WHERE conversation_id NOT IN (SELECT id FROM conversations WHERE owner <> 'bot')
           OR id <> (SELECT MAX(latest.id) FROM handoff_requests latest WHERE latest.customer_id = handoff_requests.customer_id);
        UPDATE handoff_requests SET webhook_next_at = requested_at WHERE status = 'queued';

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
        -- Poison messages: a turn that cannot be stored after Bot:MaxTurnAttempts attempts parks its inbox row
        -- (status 'parked', with error, attempts and parked_at) so the conversation moves on. An operator's retry sets
        -- it back to 'pending' with requeued_at, which the running host claims; a drop makes it 'dropped'.
        ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE inbox ADD COLUMN parked_at INTEGER;
        ALTER TABLE inbox ADD COLUMN requeued_at INTEGER;
        CREATE INDEX ix_inbox_parked ON inbox (parked_at, seq) WHERE status = 'parked';
        CREATE INDEX ix_inbox_requeued ON inbox (seq) WHERE requeued_at IS NOT NULL;
        """,
        """
        -- Web chat: the SHA-256 (hex) of the conversation's current resume secret; NULL: it cannot be resumed.
        ALTER TABLE activity_logs ADD COLUMN resume_secret_hash TEXT;
        """,
    ];
}
