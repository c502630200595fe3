using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Brings the file to the current schema of the core and of each registered feature. Versions live in
/// <c>schema_migrations</c> (a row per feature); <c>PRAGMA user_version</c> is <see cref="PerFeatureVersions"/>, which
/// also stops a build from before per-feature versions (it knew schema 5 at most) from opening the file. A file from
/// such a build (user_version 1-5) is first finished with the frozen <see cref="SqliteLegacyMigrations"/> and then
/// recorded as <c>core</c>, <c>handoff</c> and <c>webchat</c> version 1. Each migration runs in its own transaction.
/// </summary>
internal static partial class SqliteMigrator
{
    /// <summary>The <c>user_version</c> of a file whose versions are kept per feature in <c>schema_migrations</c>.</summary>
    public const int PerFeatureVersions = 6;

    /// <summary>
    /// The handoff feature's name in <c>schema_migrations</c> (its tables are in legacy schema 5; the feature, in its own
    /// package, registers them under this name).
    /// </summary>
    private const string LegacyHandoffFeature = "handoff";

    /// <summary>Web chat's feature name (its schema lives in the web chat adapter, which this provider does not reference).</summary>
    private const string LegacyWebChatFeature = "webchat";

    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (feature TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT";

    private const string UpsertVersion =
        "INSERT INTO schema_migrations (feature, version) VALUES (@feature, @version) ON CONFLICT (feature) DO UPDATE SET version = excluded.version";

    /// <summary>Migrates; returns each given schema's version (all of them at their latest).</summary>
    /// <param name="connection">The writer's connection, outside any transaction.</param>
    /// <param name="schemas">The core schema first, then the features' in registration order.</param>
    /// <param name="logger">Where each applied migration is logged.</param>
    public static IReadOnlyDictionary<string, int> Migrate(SqliteConnection connection, IReadOnlyList<SqliteSchema> schemas, ILogger logger)
    {
        var userVersion = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (userVersion > PerFeatureVersions)
        {
            throw new InvalidOperationException(
                $"The database was written by a newer Omnichannel.Bots (schema {userVersion}); this version knows schema {PerFeatureVersions}. Upgrade the host, or point Storage:DataDirectory elsewhere.");
        }

        if (userVersion < PerFeatureVersions)
        {
            UpgradeToPerFeatureVersions(connection, userVersion, logger);
        }

        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            versions[schema.Feature] = MigrateFeature(connection, schema, logger);
        }

        return versions;
    }

    private static void UpgradeToPerFeatureVersions(SqliteConnection connection, int userVersion, ILogger logger)
    {
        var legacy = userVersion > 0;
        for (var version = userVersion + 1; legacy && version <= SqliteLegacyMigrations.All.Count; version++)
        {
            InTransaction(connection, () =>
            {
                Execute(connection, SqliteLegacyMigrations.All[version - 1]);
                Execute(connection, "PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture));
            });
            LogMigrated(logger, "legacy", version);
        }

        InTransaction(connection, () =>
        {
            Execute(connection, CreateVersionTable);
            if (legacy)
            {
                // Legacy schema 5 holds exactly version 1 of these three.
                foreach (var feature in new[] { SqliteSchema.CoreFeature, LegacyHandoffFeature, LegacyWebChatFeature })
                {
                    SetVersion(connection, feature, 1);
                }
            }

            Execute(connection, "PRAGMA user_version = " + PerFeatureVersions.ToString(CultureInfo.InvariantCulture));
        });
        if (legacy)
        {
            LogLegacyRecorded(logger, SqliteLegacyMigrations.All.Count);
        }
    }

    private static int MigrateFeature(SqliteConnection connection, SqliteSchema schema, ILogger logger)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations WHERE feature = @feature";
        command.Parameters.AddWithValue("@feature", schema.Feature);
        var current = Convert.ToInt32(command.ExecuteScalar() ?? 0, CultureInfo.InvariantCulture);
        if (current > schema.LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database's '{schema.Feature}' tables were written by a newer Omnichannel.Bots (version {current}); this version knows version {schema.LatestVersion}. Upgrade the host, or point Storage:DataDirectory elsewhere.");
        }

        for (var version = current + 1; version <= schema.LatestVersion; version++)
        {
            var script = schema.Migrations[version - 1];
            var target = version;
            InTransaction(connection, () =>
            {
                Execute(connection, script);
                SetVersion(connection, schema.Feature, target);
            });
            LogMigrated(logger, schema.Feature, version);
        }

        return schema.LatestVersion;
    }

    private static void SetVersion(SqliteConnection connection, string feature, int version)
    {
        using var command = connection.CreateCommand();
        command.CommandText = UpsertVersion;
        command.Parameters.AddWithValue("@feature", feature);
        command.Parameters.AddWithValue("@version", version);
        command.ExecuteNonQuery();
    }

    private static void InTransaction(SqliteConnection connection, Action migrate)
    {
        Execute(connection, "BEGIN IMMEDIATE");
        try
        {
            migrate();
            Execute(connection, "COMMIT");
        }
        catch
        {
            Execute(connection, "ROLLBACK");
            throw;
        }
    }

    /// <summary>
    /// Runs every statement of a script. Not <c>ExecuteNonQuery</c>: for a script of several statements it reports an
    /// error of the first one only (measured with Microsoft.Data.Sqlite 10.0.15), and a migration must fail whole.
    /// </summary>
    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constants of this assembly and of the features' schemas.
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        while (reader.NextResult())
        {
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constants of this assembly.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated the database's {Feature} tables to version {Version}.")]
    private static partial void LogMigrated(ILogger logger, string feature, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database's legacy schema {Version} is recorded as core, handoff and webchat version 1; each feature now migrates on its own.")]
    private static partial void LogLegacyRecorded(ILogger logger, int version);
}
