using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The <c>storage</c> readiness check: healthy once the database is open and migrated and answers a read. It opens the
/// database itself if nothing has yet (a failure to open or migrate is reported, not thrown).
/// </summary>
internal sealed class SqliteReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "storage";

    private const string SelectVersions = "SELECT feature, version FROM schema_migrations";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = services.GetRequiredService<SqliteDatabase>();
            var stored = database.Read(db =>
            {
                var versions = new Dictionary<string, long>(StringComparer.Ordinal);
                using var reader = db.Query(SelectVersions);
                while (reader.Read())
                {
                    versions[reader.GetString(0)] = reader.GetInt64(1);
                }

                return versions;
            });
            var behind = database.SchemaVersions
                .Select(expected => (expected.Key, Expected: expected.Value, Found: stored.GetValueOrDefault(expected.Key)))
                .Where(v => v.Found != v.Expected)
                .Select(v => $"{v.Key} is at version {v.Found}, not {v.Expected}")
                .ToList();
            var schemas = string.Join(", ", database.SchemaVersions.Select(v => $"{v.Key} {v.Value}"));
            return Task.FromResult(behind.Count == 0
                ? HealthCheckResult.Healthy($"SQLite schemas {schemas}, journal {database.JournalMode}")
                : HealthCheckResult.Unhealthy($"the SQLite file's tables are not migrated: {string.Join("; ", behind)}"));
        }
#pragma warning disable CA1031 // Any failure to open, migrate or read means not ready; the check reports it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the SQLite database is not usable: {exception.Message}", exception));
        }
    }
}
