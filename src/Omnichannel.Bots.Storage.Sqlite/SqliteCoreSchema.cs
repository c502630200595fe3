namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The core runtime's tables: customers and their identities, conversations (with owner and offered choices), the
/// inbox (with poison-message parking), the transcript, dialog state, the outbox and its messages' delivery reports. Features add theirs with
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
            """
        -- Delivery statuses (IDeliveryReports, SqliteDeliveryReports). An outbound message's current status lives on its
        -- outbox row and only moves forward (DeliveryProgress); marking the row sent is the status 'sent', a send the
        -- outbox gave up on is 'failed' with its error. Every provider report is kept in delivery_reports, once per
        -- (channel, provider id, status, time): providers repeat webhooks. A report that arrives before its send is
        -- marked sent (providers can be that fast) waits there with outbox_id NULL and is attached by the marking.
        ALTER TABLE outbox ADD COLUMN delivery_status TEXT CHECK (delivery_status IN ('sent', 'delivered', 'read', 'failed'));
        ALTER TABLE outbox ADD COLUMN delivery_at INTEGER;
        ALTER TABLE outbox ADD COLUMN delivery_error_code TEXT;
        ALTER TABLE outbox ADD COLUMN delivery_error_message TEXT;
        UPDATE outbox SET delivery_status = 'sent', delivery_at = sent_at WHERE status = 'sent' AND sent_at IS NOT NULL;
        -- A failure of version 1 has no time of its own: its last attempt was due at next_attempt_at.
        UPDATE outbox SET delivery_status = 'failed', delivery_at = next_attempt_at, delivery_error_message = last_error WHERE status = 'failed';
        CREATE INDEX ix_outbox_provider_message ON outbox (provider_message_id, channel) WHERE provider_message_id IS NOT NULL;

        CREATE TABLE delivery_reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            provider_message_id TEXT NOT NULL,
            outbox_id INTEGER REFERENCES outbox (id),
            status TEXT NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
            at INTEGER NOT NULL,
            error_code TEXT,
            error_message TEXT,
            received_at INTEGER NOT NULL,
            UNIQUE (channel, provider_message_id, status, at)
        ) STRICT;
        CREATE INDEX ix_delivery_reports_unmatched ON delivery_reports (received_at) WHERE outbox_id IS NULL;
        """,
            """
        -- Identity provenance (issue 18): how each key came to belong to its customer and which channel vouched for it.
        -- provenance is an IdentityProvenance in kebab case ('channel-address', 'provider-phone', 'shared-contact',
        -- 'signed-identity', 'link-code', 'agent'); NULL for a phone or email key linked before version 3 recorded it.
        -- A channel's own key (telegram:12345) always came from its channel's address.
        ALTER TABLE customer_identities ADD COLUMN provenance TEXT;
        ALTER TABLE customer_identities ADD COLUMN vouched_by TEXT;
        UPDATE customer_identities
        SET provenance = 'channel-address', vouched_by = substr(identity_key, 1, instr(identity_key, ':') - 1)
        WHERE identity_key NOT LIKE 'phone:%' AND identity_key NOT LIKE 'email:%';
        """,
            """
        -- Version 4 (issue 18): the identity graph's history and the customer's name. Two customers found to be one are
        -- merged (SqliteIdentityGraph: the older stays) and the merge is kept in customer_merges, so an id that went away
        -- still resolves to the customer that received everything. An agent's unlink is kept in customer_unlinks, with
        -- the new customer a channel key's conversations moved to. customers.name is the latest name a channel gave.
        ALTER TABLE customers ADD COLUMN name TEXT;
        ALTER TABLE customers ADD COLUMN name_at INTEGER;

        CREATE TABLE customer_merges (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            from_customer_id TEXT NOT NULL,
            into_customer_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            merged_at INTEGER NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX ix_customer_merges_from ON customer_merges (from_customer_id);
        CREATE INDEX ix_customer_merges_into ON customer_merges (into_customer_id);

        CREATE TABLE customer_unlinks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id TEXT NOT NULL,
            identity_key TEXT NOT NULL,
            provenance TEXT,
            vouched_by TEXT,
            actor TEXT NOT NULL,
            moved_to_customer_id TEXT,
            unlinked_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX ix_customer_unlinks_customer ON customer_unlinks (customer_id, id);
        """,
        ]);
}
