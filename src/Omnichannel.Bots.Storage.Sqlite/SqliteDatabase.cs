using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The embedded database file: created (with its folder, both owner-only) on first start, migrated to the current schema, opened in
/// WAL mode. One writer connection commits in groups; readers borrow pooled connections of their own.
/// </summary>
public sealed partial class SqliteDatabase : IDisposable
{
    /// <summary>The writer connection's page cache: 64 MiB (a negative cache_size counts KiB).</summary>
    private const int WriterCacheKibibytes = -64 * 1024;

    private readonly ConcurrentBag<StatementCache> _readers = [];
    private readonly SqliteWriter _writer;
    private readonly string _connectionString;
    private bool _disposed;

    public SqliteDatabase(
        IOptions<SqliteStorageOptions> options,
        ILogger<SqliteDatabase> logger,
        IEnumerable<SqliteSchema>? featureSchemas = null,
        IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var root = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
        var directory = Path.GetFullPath(Path.Combine(root, settings.DataDirectory));
        // Owner-only (0700 folder, 0600 files); an existing folder is tightened. SQLite gives -wal and -shm the main
        // file's mode, so creating the empty database file first as 0600 covers all three.
        OwnerOnlyFiles.CreateDirectory(directory);
        FilePath = Path.Combine(directory, settings.FileName);
        OwnerOnlyFiles.EnsureFile(FilePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

        var writerConnection = Open();
        Execute(writerConnection, "PRAGMA journal_mode = WAL");
        // Every write in a group commit runs in its own savepoint; SQLite keeps the savepoints' undo pages in a
        // statement journal that spills to a temporary file past 64 KiB, i.e. in almost every batch (measured: ~85% of
        // the writer's pwrite calls). In memory it never touches the disk; it holds at most one transaction's pages.
        Execute(writerConnection, "PRAGMA temp_store = MEMORY");

        // The writer's page cache stays valid across its own commits (readers' caches are emptied by each commit),
        // so a larger one saves re-reading index pages for every write.
        Execute(writerConnection, "PRAGMA cache_size = " + WriterCacheKibibytes.ToString(CultureInfo.InvariantCulture));
        Execute(writerConnection, "PRAGMA synchronous = " + (settings.Synchronous == SqliteDurability.Full ? "FULL" : "NORMAL"));
        JournalMode = Query(writerConnection, "PRAGMA journal_mode");
        Synchronous = Query(writerConnection, "PRAGMA synchronous") switch
        {
            "2" => "FULL",
            "1" => "NORMAL",
            "3" => "EXTRA",
            "0" => "OFF",
            var other => other,
        };
        SchemaVersions = SqliteMigrator.Migrate(writerConnection, [SqliteCoreSchema.Schema, .. featureSchemas ?? []], logger);
        _writer = new SqliteWriter(writerConnection, settings.MaxWritesPerCommit);
        LogOpened(logger, FilePath, JournalMode, Synchronous, string.Join(", ", SchemaVersions.Select(v => $"{v.Key} {v.Value}")));
    }

    /// <summary>The database file's full path.</summary>
    public string FilePath { get; }

    /// <summary>What SQLite reports for <c>PRAGMA journal_mode</c> (<c>wal</c>).</summary>
    public string JournalMode { get; }

    /// <summary>What SQLite reports for <c>PRAGMA synchronous</c> (<c>FULL</c> or <c>NORMAL</c>).</summary>
    public string Synchronous { get; }

    /// <summary>The version of each schema this host registered (<c>core</c> and the features'), as migrated.</summary>
    public IReadOnlyDictionary<string, int> SchemaVersions { get; }

    /// <summary>Transactions committed so far and the writes they carried; writes per commit shows group commit at work.</summary>
    public (long Commits, long Writes) CommitStatistics => (_writer.Commits, _writer.Writes);

    /// <summary>
    /// Runs a write on the single writer connection, in a transaction shared with other writes of the same group commit
    /// (its own savepoint: an exception rolls back only this write). Durable when the task completes.
    /// </summary>
    /// <param name="write">The statements; they must not block or wait on anything but the database.</param>
    /// <param name="cancellationToken">Cancels the wait for the writer, not a write already running.</param>
    public Task<T> WriteAsync<T>(Func<StatementCache, T> write, CancellationToken cancellationToken) =>
        _writer.WriteAsync(write, cancellationToken);

    /// <summary>
    /// Rewrites the file from its live rows (<c>VACUUM</c>) and then empties the write-ahead log
    /// (<c>wal_checkpoint(TRUNCATE)</c>), so nothing deleted so far is left in either file's bytes (free pages, freed
    /// space in pages, older page versions in the log). Runs alone on the writer between two group commits; writes
    /// queued meanwhile wait for it. Expensive on a large file: for erasures, not routine use.
    /// </summary>
    /// <exception cref="InvalidOperationException">A reader kept the log from being emptied.</exception>
    public Task CompactAsync(CancellationToken cancellationToken) =>
        _writer.RunAloneAsync(
            db =>
            {
                db.Execute("VACUUM");
                using var checkpoint = db.Query("PRAGMA wal_checkpoint(TRUNCATE)");
                if (checkpoint.Read() && checkpoint.GetInt64(0) != 0)
                {
                    throw new InvalidOperationException($"{FilePath}: the write-ahead log could not be emptied while a reader was using it; compact again.");
                }

                return true;
            },
            cancellationToken);

    /// <summary>Runs a read on a pooled connection of its own (WAL readers never block the writer).</summary>
    public T Read<T>(Func<StatementCache, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_readers.TryTake(out var reader))
        {
            var connection = Open();
            Execute(connection, "PRAGMA query_only = ON");
            reader = new StatementCache(connection);
        }

        try
        {
            return read(reader);
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Dispose();
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 10000");
        Execute(connection, "PRAGMA foreign_keys = ON");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constants of this assembly.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static string Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constants of this assembly.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Path} (journal_mode={JournalMode}, synchronous={Synchronous}, schemas: {Schemas}).")]
    private static partial void LogOpened(ILogger logger, string path, string journalMode, string synchronous, string schemas);
}
