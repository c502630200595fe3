using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Journeys.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using static Microsoft.Extensions.Options.Options;

namespace Omnichannel.Bots.Journeys.Tests;

/// <summary>A customer's journey events in a merge, an export and an erasure.</summary>
public sealed class JourneyCustomerDataTests : IDisposable
{
    private const string CountFor = "SELECT count(*) FROM journey_events WHERE customer_id = @p1";

    private readonly TempDirectory _data = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteJourneyCustomerData _participant = new();

    public JourneyCustomerDataTests()
    {
        _database = new SqliteDatabase(Create(new SqliteStorageOptions { DataDirectory = _data.Path }), NullLogger<SqliteDatabase>.Instance, [SqliteJourneysSchema.Schema]);
    }

    public void Dispose()
    {
        _database.Dispose();
        _data.Dispose();
    }

    private long Count(string customer) => _database.Read(db => db.Scalar<long>(CountFor, customer));

    [Fact]
    public async Task Merge_MovesEveryEvent_AndTheJourneysAreCutFromTheMergedLog()
    {
        await ScriptedJourneys.WriteAsync(_database);
        var (a, e) = (Count("a"), Count("e"));

        await _database.WriteAsync(db =>
        {
            _participant.Merge(db, new CustomerMerge("e", "a", "same phone", ScriptedJourneys.To));
            return 0;
        }, CancellationToken.None);

        Assert.Equal(0, Count("e"));
        Assert.Equal(a + e, Count("a"));
        var metrics = await new SqliteJourneyMetrics(_database, Create(ScriptedJourneys.Options())).ComputeAsync(ScriptedJourneys.From, ScriptedJourneys.To, CancellationToken.None);
        Assert.Equal(2, metrics.JourneyList.Count(j => j.CustomerId == "a"));
    }

    [Fact]
    public async Task Export_WritesEveryEventOfTheCustomerOnly()
    {
        await ScriptedJourneys.WriteAsync(_database);

        var json = _database.Read(db =>
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                _participant.Export(db, "b", writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        });

        var events = JsonDocument.Parse(json).RootElement.GetProperty("events");
        Assert.Equal(Count("b"), events.GetArrayLength());
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("kind").GetString() == "rating" && e.GetProperty("score").GetInt32() == 5 && e.GetProperty("ticketId").GetInt64() == 1);
        Assert.Equal("journeys", _participant.Feature);
    }

    [Fact]
    public async Task Erase_DeletesTheCustomersEventsAndReportsHowMany()
    {
        await ScriptedJourneys.WriteAsync(_database);
        var (c, others) = (Count("c"), Count("a"));

        var erased = await _database.WriteAsync(db => _participant.Erase(db, "c"), CancellationToken.None);

        Assert.Equal(c, erased);
        Assert.Equal(0, Count("c"));
        Assert.Equal(others, Count("a"));
    }
}
