using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// Telegram's tables (feature <c>telegram</c>): the choice values too long for a button's 64-byte
/// <c>callback_data</c>, by the key sent instead. Never edit a released migration; append a new one.
/// </summary>
internal static class SqliteTelegramSchema
{
    public const string Feature = "telegram";

    public static SqliteSchema Schema { get; } = new(
        Feature,
        [
            """
            CREATE TABLE telegram_callback_values (
                -- What the button carries: the key prefix and the SHA-256 of the value (base64url).
                callback_key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            """,
        ]);
}
