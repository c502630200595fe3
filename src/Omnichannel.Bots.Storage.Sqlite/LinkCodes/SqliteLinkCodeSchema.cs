namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The link codes' tables (feature <c>identity-links</c>, <see cref="SqliteLinkCodeStore"/>): the codes given to
/// customers, by SHA-256 (never the code), with whose they are, where they were asked for and for which channel, their
/// life and who used them; and the wrong codes senders sent, by sender key, for throttling. Rows past every window are
/// pruned as new ones come. Never edit a released migration: add the next one.
/// </summary>
internal static class SqliteLinkCodeSchema
{
    public const string Feature = "identity-links";

    public static SqliteSchema Schema { get; } = new(
        Feature,
        [
            """
            CREATE TABLE identity_link_codes (
                code_hash TEXT PRIMARY KEY,
                customer_id TEXT NOT NULL,
                issued_on TEXT NOT NULL,
                target TEXT NOT NULL,
                issued_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                used_at INTEGER,
                -- The channel key (telegram:12345) the code linked; the same sender sending it again is told it worked.
                used_by TEXT
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX ix_identity_link_codes_customer ON identity_link_codes (customer_id, issued_at);
            CREATE INDEX ix_identity_link_codes_expires ON identity_link_codes (expires_at);

            CREATE TABLE identity_link_failures (
                id INTEGER PRIMARY KEY,
                sender_key TEXT NOT NULL,
                at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX ix_identity_link_failures_sender ON identity_link_failures (sender_key, at);
            CREATE INDEX ix_identity_link_failures_at ON identity_link_failures (at);
            """,
        ]);
}
