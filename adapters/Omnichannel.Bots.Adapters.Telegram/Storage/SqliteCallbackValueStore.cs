using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>Long choice values by the key their button carries, in the bot's SQLite file (<see cref="SqliteTelegramSchema"/>).</summary>
internal sealed class SqliteCallbackValueStore
{
    private const string Insert = "INSERT INTO telegram_callback_values (callback_key, value, created_at) VALUES (@p1, @p2, @p3) ON CONFLICT (callback_key) DO NOTHING";
    private const string Select = "SELECT value FROM telegram_callback_values WHERE callback_key = @p1";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteCallbackValueStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> (a key derived from the value, so a second put is a no-op).</summary>
    public Task PutAsync(string key, string value, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _database.WriteAsync(db => db.Execute(Insert, key, value, now), cancellationToken);
    }

    /// <summary>The value kept under <paramref name="key"/>, or null.</summary>
    public Task<string?> FindAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => db.Scalar<string>(Select, key)));
    }
}
