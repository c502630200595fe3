using Microsoft.Extensions.Options;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Journeys.Storage;

/// <summary>
/// The journey metrics on SQLite: one read of every event of the customers active in the range (from one idle timeout
/// before it, so a journey running into the range is cut where it started), then <see cref="JourneyMetricsCalculator"/>.
/// </summary>
public sealed class SqliteJourneyMetrics : IJourneyMetrics
{
    private readonly SqliteDatabase _database;
    private readonly IOptions<JourneysOptions> _options;

    public SqliteJourneyMetrics(SqliteDatabase database, IOptions<JourneysOptions> options)
    {
        _database = database;
        _options = options;
    }

    public Task<JourneyMetrics> ComputeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The range's end ({to:O}) must be after its start ({from:O}).", nameof(to));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var options = _options.Value;
        var since = from - options.IdleTimeout;
        var events = _database.Read(db => JourneyEventRows.Read(db, JourneyEventRows.SelectCustomersActiveIn, since.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()));
        return Task.FromResult(JourneyMetricsCalculator.Compute(events, from, to, options));
    }
}
