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

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = services.GetRequiredService<SqliteDatabase>();
            var schema = database.Read(reader => reader.Scalar<long>("PRAGMA user_version"));
            return Task.FromResult(schema == database.SchemaVersion
                ? HealthCheckResult.Healthy($"SQLite schema {schema}, journal {database.JournalMode}")
                : HealthCheckResult.Unhealthy($"the SQLite file is at schema {schema}, not {database.SchemaVersion}"));
        }
#pragma warning disable CA1031 // Any failure to open, migrate or read means not ready; the check reports it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the SQLite database is not usable: {exception.Message}", exception));
        }
    }
}
