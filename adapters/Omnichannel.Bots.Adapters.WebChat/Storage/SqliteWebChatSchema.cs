using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Web chat's tables: one activity log per Direct Line conversation (its owner and the hash of its resume secret) and
/// the log's entries by sequence. Version 1 is the state legacy schema 5 left them in (a database from before per-feature
/// versions records it as <c>webchat</c> 1, so the feature name never changes). Never edit a released migration.
/// </summary>
internal static class SqliteWebChatSchema
{
    public const string Feature = "webchat";

    public static SqliteSchema Schema { get; } = new(
        Feature,
        [
            """
            CREATE TABLE activity_logs (
                id TEXT PRIMARY KEY,
                owner_id TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                -- The SHA-256 (hex) of the conversation's current resume secret; NULL: it cannot be resumed.
                resume_secret_hash TEXT
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
        ]);
}
