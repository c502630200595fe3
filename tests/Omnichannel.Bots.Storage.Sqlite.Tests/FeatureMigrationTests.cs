using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Handoff.Storage.Sqlite;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Each feature versions its own tables in <c>schema_migrations</c>: a bot has only the tables of the features it
/// registers, a feature added later gets its tables on the next start, and a file from before per-feature versions
/// (one <c>user_version</c> for every table) is upgraded in place.
/// </summary>
public sealed class FeatureMigrationTests
{
    private static readonly SqliteSchema Widgets = new("widgets", ["CREATE TABLE widgets (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;"]);

    /// <summary>The core schema's current version: every new or upgraded file reaches it.</summary>
    private static readonly long Core = SqliteCoreSchema.Schema.LatestVersion;

    private static readonly SqliteSchema WidgetsTwo = Widgets with
    {
        Migrations = [.. Widgets.Migrations, "ALTER TABLE widgets ADD COLUMN colour TEXT;"],
    };

    [Fact]
    public void Open_NewFileWithoutFeatures_OnlyCoreTablesAndVersion()
    {
        using var temp = new TempDirectory();

        using (var database = Open(temp.Path))
        {
            Assert.Equal(new Dictionary<string, int> { ["core"] = (int)Core }, database.SchemaVersions);
        }

        Assert.Equal([("core", Core)], Versions(temp.Path));
        var tables = Tables(temp.Path);
        Assert.Contains("inbox", tables);
        Assert.Contains("outbox", tables);
        Assert.DoesNotContain("handoff_requests", tables);
        Assert.DoesNotContain("activity_logs", tables);
        Assert.Equal(SqliteMigrator.PerFeatureVersions, UserVersion(temp.Path));
    }

    [Fact]
    public async Task Open_FeatureAddedLater_ItsTablesCreatedAndUpgradedOnItsOwn()
    {
        using var temp = new TempDirectory();
        using (Open(temp.Path))
        {
        }

        using (var database = Open(temp.Path, Widgets))
        {
            Assert.Equal(1, database.SchemaVersions["widgets"]);
            await database.WriteAsync(db => db.Execute("INSERT INTO widgets (id, name) VALUES (@p1, @p2)", 1, "kept"), CancellationToken.None);
        }

        using (var database = Open(temp.Path, WidgetsTwo))
        {
            Assert.Equal(2, database.SchemaVersions["widgets"]);
            Assert.Equal("kept", database.Read(db => db.Scalar<string>("SELECT name FROM widgets WHERE colour IS NULL AND id = 1")));
        }

        Assert.Equal([("core", Core), ("widgets", 2L)], Versions(temp.Path));
    }

    [Fact]
    public void Open_FailingMigration_RolledBackAndVersionUnchanged()
    {
        using var temp = new TempDirectory();
        using (Open(temp.Path, Widgets))
        {
        }

        var broken = Widgets with
        {
            Migrations = [.. Widgets.Migrations, "ALTER TABLE widgets ADD COLUMN colour TEXT; INSERT INTO no_such_table VALUES (1);"],
        };

        var error = Assert.Throws<SqliteException>(() => Open(temp.Path, broken));

        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Equal([("core", Core), ("widgets", 1L)], Versions(temp.Path));
        using var database = Open(temp.Path, WidgetsTwo);
        Assert.Equal(2, database.SchemaVersions["widgets"]);
    }

    [Fact]
    public void Open_FeatureWrittenByNewerVersion_RefusedNamingTheFeature()
    {
        using var temp = new TempDirectory();
        using (Open(temp.Path, WidgetsTwo))
        {
        }

        var error = Assert.Throws<InvalidOperationException>(() => Open(temp.Path, Widgets));

        Assert.Contains("'widgets' tables were written by a newer Omnichannel.Bots (version 2); this version knows version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileOfNewerLayout_Refused()
    {
        using var temp = new TempDirectory();
        using (Open(temp.Path))
        {
        }

        Execute(temp.Path, "PRAGMA user_version = 7");

        var error = Assert.Throws<InvalidOperationException>(() => Open(temp.Path));

        Assert.Contains("schema 7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Open_FileOfLegacySchema_FinishedAndRecordedAsVersionOneOfEachFeature(int legacyVersion)
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "bot.db");
        using (var connection = Connect(file))
        {
            for (var version = 1; version <= legacyVersion; version++)
            {
                Execute(connection, SqliteLegacyMigrations.All[version - 1]);
            }

            Execute(connection, "INSERT INTO customers (id, created_at) VALUES ('cus_1', 1)");
            Execute(connection, "PRAGMA user_version = " + legacyVersion.ToString(CultureInfo.InvariantCulture));
        }

        using (var database = Open(temp.Path))
        {
            // Recorded as core version 1, then migrated on like any core version 1.
            Assert.Equal(Core, database.SchemaVersions["core"]);
            Assert.Equal("cus_1", database.Read(db => db.Scalar<string>("SELECT id FROM customers")));
        }

        Assert.Equal([("core", Core), ("handoff", 1L), ("webchat", 1L)], Versions(temp.Path));
        Assert.Equal(SqliteMigrator.PerFeatureVersions, UserVersion(temp.Path));
        var columns = Columns(temp.Path, "activity_logs");
        Assert.Contains("resume_secret_hash", columns);
        Assert.Contains("parked_at", Columns(temp.Path, "inbox"));
    }

    /// <summary>
    /// A new file's features at version 1 have the same tables and columns as a legacy file finished to schema 5 (both
    /// then carry the core's later migrations, which a legacy file gets after being recorded as core version 1).
    /// </summary>
    [Fact]
    public void Open_NewFileWithHandoffAndWebChat_SameColumnsAsLegacySchemaFive()
    {
        using var fresh = new TempDirectory();
        using var legacy = new TempDirectory();
        using (Open(fresh.Path, HandoffVersionOne, SqliteWebChatSchema.Schema))
        {
        }

        using (var connection = Connect(Path.Combine(legacy.Path, "bot.db")))
        {
            foreach (var script in SqliteLegacyMigrations.All)
            {
                Execute(connection, script);
            }

            Execute(connection, "PRAGMA user_version = " + SqliteLegacyMigrations.All.Count.ToString(CultureInfo.InvariantCulture));
        }

        using (Open(legacy.Path, HandoffVersionOne, SqliteWebChatSchema.Schema))
        {
        }

        var tables = Tables(legacy.Path);
        Assert.Equal(tables.Order(StringComparer.Ordinal), Tables(fresh.Path).Order(StringComparer.Ordinal));
        foreach (var table in tables)
        {
            Assert.Equal(
                (table, string.Join(", ", Columns(legacy.Path, table).Order(StringComparer.Ordinal))),
                (table, string.Join(", ", Columns(fresh.Path, table).Order(StringComparer.Ordinal))));
        }

        Assert.Equal(Indexes(legacy.Path), Indexes(fresh.Path));
    }

    /// <summary>The handoff feature's tables as legacy schema 5 left them (its version 1).</summary>
    private static SqliteSchema HandoffVersionOne => SqliteHandoffSchema.Schema with { Migrations = [SqliteHandoffSchema.Schema.Migrations[0]] };

    private static SqliteDatabase Open(string directory, params SqliteSchema[] features) =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = directory }), NullLogger<SqliteDatabase>.Instance, features);

    private static SqliteConnection Connect(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<(string Feature, long Version)> Versions(string directory) =>
        Rows(directory, "SELECT feature, version FROM schema_migrations ORDER BY feature", r => (r.GetString(0), r.GetInt64(1)));

    private static List<string> Tables(string directory) =>
        Rows(directory, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => r.GetString(0));

    private static List<string> Indexes(string directory) =>
        Rows(directory, "SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => r.GetString(0));

    private static List<string> Columns(string directory, string table) =>
        Rows(directory, "SELECT name FROM pragma_table_info(@p1)", r => r.GetString(0), table);

    private static long UserVersion(string directory) => Rows(directory, "PRAGMA user_version", r => r.GetInt64(0))[0];

    private static List<T> Rows<T>(string directory, string sql, Func<SqliteDataReader, T> read, string? parameter = null)
    {
        using var connection = Connect(Path.Combine(directory, "bot.db"));
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constants of this test.
        command.CommandText = sql;
#pragma warning restore CA2100
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("@p1", parameter);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static void Execute(string directory, string sql)
    {
        using var connection = Connect(Path.Combine(directory, "bot.db"));
        Execute(connection, sql);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constants of this test and the frozen legacy migrations.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
