namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The core runtime's tables: customers and their identities, conversations (with owner and offered choices), the
/// inbox (with poison-message parking), the transcript, dialog state and the outbox. Features add theirs with
/// <see cref="SqliteSchema"/>s of their own.
/// </summary>
internal static class SqliteCoreSchema
{
    public static SqliteSchema Schema { get; } = new(
        SqliteSchema.CoreFeature,
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
            attempts INTEGER NOT NULL DEFAULT 0,
            parked_at INTEGER,
            requeued_at INTEGER,
            UNIQUE (channel, account, provider_message_id)
        ) STRICT;
        CREATE INDEX ix_inbox_pending ON inbox (seq) WHERE status = 'pending';
        CREATE INDEX ix_inbox_processed ON inbox (processed_at) WHERE status <> 'pending';
        CREATE INDEX ix_inbox_parked ON inbox (parked_at, seq) WHERE status = 'parked';
        CREATE INDEX ix_inbox_requeued ON inbox (seq) WHERE requeued_at IS NOT NULL;

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
            insights TEXT,
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
        """,
        ]);
}
