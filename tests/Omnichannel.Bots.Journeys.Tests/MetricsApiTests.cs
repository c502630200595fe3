using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Bots.Journeys.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using static Microsoft.Extensions.Options.Options;

namespace Omnichannel.Bots.Journeys.Tests;

/// <summary><c>GET /api/agent/metrics</c>: admins only, the same numbers as <c>omnibot metrics --json</c>.</summary>
public sealed class MetricsApiTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private SqliteDatabase? _database;
    private MetricsApiHost? _host;

    private MetricsApiHost Host => _host!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Create(new SqliteStorageOptions { DataDirectory = _data.Path }), NullLogger<SqliteDatabase>.Instance, [SqliteJourneysSchema.Schema]);
        await ScriptedJourneys.WriteAsync(_database);
        _host = await MetricsApiHost.StartAsync(new SqliteJourneyMetrics(_database, Create(ScriptedJourneys.Options())), ScriptedJourneys.To.AddDays(30));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _database!.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Admin_GetsTheHandComputedNumbers()
    {
        var session = await Host.SignInAsync("root");

        using var response = await Host.GetAsync("/api/agent/metrics?from=2026-03-01&to=2026-03-08", session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(7, json.GetProperty("journeys").GetInt32());
        Assert.Equal(3.0 / 7, json.GetProperty("resolutionRate").GetDouble(), 12);
        Assert.Equal(3.0 / 5, json.GetProperty("contextPreservationRate").GetDouble(), 12);
        Assert.Equal(0.5, json.GetProperty("csatSatisfiedRate").GetDouble(), 12);
        Assert.Equal(2400, json.GetProperty("medianTimeToResolutionSeconds").GetDouble(), 9);
        Assert.Equal(25.80m, json.GetProperty("totalCost").GetDecimal());
        Assert.Equal(["order-number", "email"], json.GetProperty("journeyList")[2].GetProperty("reaskedSlots").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Admin_ToOmitted_CountsUntilNow()
    {
        var session = await Host.SignInAsync("root");

        using var response = await Host.GetAsync("/api/agent/metrics?from=2026-03-01", session);

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(8, json.GetProperty("journeys").GetInt32());
    }

    [Fact]
    public async Task Agent_Gets403NamingTheAdminRole()
    {
        var session = await Host.SignInAsync("alice");

        using var response = await Host.GetAsync("/api/agent/metrics?from=2026-03-01", session);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("admins", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSession_Gets401()
    {
        using var response = await Host.GetAsync("/api/agent/metrics?from=2026-03-01", session: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/agent/metrics", "'from' is missing")]
    [InlineData("/api/agent/metrics?from=March", "'from' must be a date")]
    [InlineData("/api/agent/metrics?from=2026-03-08&to=2026-03-01", "must be after 'from'")]
    public async Task BadRange_Gets400Saying(string path, string message)
    {
        var session = await Host.SignInAsync("root");

        using var response = await Host.GetAsync(path, session);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotWithoutJourneys_Gets404SayingHowToTurnThemOn()
    {
        await using var host = await MetricsApiHost.StartAsync(metrics: null, ScriptedJourneys.To);
        var session = await host.SignInAsync("root");

        using var response = await host.GetAsync("/api/agent/metrics?from=2026-03-01", session);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("AddJourneys()", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
