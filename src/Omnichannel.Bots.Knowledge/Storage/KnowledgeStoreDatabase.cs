using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The embedded store's SQLite file: one row per chunk (payload as JSON, content hash, embedding as a little-endian
/// float32 BLOB) and a schema version in <c>meta</c>. Written in one transaction per change.
/// </summary>
internal sealed class KnowledgeStoreDatabase
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _connectionString;

    public KnowledgeStoreDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    }

    public string Path { get; }

    public async Task<List<KnowledgeRecord>> OpenAsync(CancellationToken cancellationToken)
    {
        using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS chunks (
                id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                payload TEXT NOT NULL,
                dimensions INTEGER NOT NULL,
                embedding BLOB NOT NULL);
            INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '1');
            """, cancellationToken).ConfigureAwait(false);

        using (var version = connection.CreateCommand())
        {
            version.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            var value = Convert.ToString(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var found) || found != SchemaVersion)
            {
                throw new InvalidOperationException($"{Path}: knowledge index schema version '{value}' is not supported (this version reads {SchemaVersion}); delete the file to rebuild the index.");
            }
        }

        var records = new List<KnowledgeRecord>();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, payload, dimensions, embedding FROM chunks ORDER BY rowid";
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            var chunk = JsonSerializer.Deserialize<KnowledgeChunk>(reader.GetString(1), Json)
                ?? throw new InvalidDataException($"{Path}: chunk '{id}' has an empty payload.");
            var bytes = (byte[])reader.GetValue(3);
            var dimensions = reader.GetInt32(2);
            if (bytes.Length != dimensions * sizeof(float))
            {
                throw new InvalidDataException($"{Path}: chunk '{id}' has a {bytes.Length}-byte embedding for {dimensions} dimensions; delete the file to rebuild the index.");
            }

            records.Add(new KnowledgeRecord(chunk, MemoryMarshal.Cast<byte, float>(bytes).ToArray()));
        }

        return records;
    }

    public async Task WriteAsync(IReadOnlyList<KnowledgeRecord> upserts, IReadOnlyCollection<string> deleteIds, bool deleteAll, CancellationToken cancellationToken)
    {
        using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (deleteAll)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM chunks", cancellationToken).ConfigureAwait(false);
        }

        if (deleteIds.Count > 0)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM chunks WHERE id = $id";
            var id = delete.Parameters.Add("$id", SqliteType.Text);
            foreach (var deleteId in deleteIds)
            {
                id.Value = deleteId;
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (upserts.Count > 0)
        {
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO chunks (id, content_hash, payload, dimensions, embedding) VALUES ($id, $hash, $payload, $dimensions, $embedding)
                ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, payload = excluded.payload,
                    dimensions = excluded.dimensions, embedding = excluded.embedding
                """;
            var id = upsert.Parameters.Add("$id", SqliteType.Text);
            var hash = upsert.Parameters.Add("$hash", SqliteType.Text);
            var payload = upsert.Parameters.Add("$payload", SqliteType.Text);
            var dimensions = upsert.Parameters.Add("$dimensions", SqliteType.Integer);
            var embedding = upsert.Parameters.Add("$embedding", SqliteType.Blob);
            foreach (var record in upserts)
            {
                id.Value = record.Chunk.Id;
                hash.Value = record.Chunk.ContentHash;
                payload.Value = JsonSerializer.Serialize(record.Chunk, Json);
                dimensions.Value = record.Embedding.Length;
                embedding.Value = MemoryMarshal.AsBytes(record.Embedding.Span).ToArray();
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Runs every statement of <paramref name="sql"/> through a reader: <c>ExecuteNonQuery</c> reports an error of the
    /// first statement of a script only (Microsoft.Data.Sqlite 10.0.15), and a failed schema statement must stop the open.
    /// </summary>
    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Constants of this class.
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }
}
