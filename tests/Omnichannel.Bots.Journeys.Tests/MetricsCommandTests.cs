using System.Text.Json;
using Omnichannel.Bots.Cli;

namespace Omnichannel.Bots.Journeys.Tests;

/// <summary><c>omnibot metrics</c> over a database holding <see cref="ScriptedJourneys"/>.</summary>
public sealed class MetricsCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await OmnibotCommand.RunAsync(args, new PasswordInput(TextReader.Null, isTerminal: false), stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<string> SettingsAsync(string json = ScriptedJourneys.SettingsJson)
    {
        var path = Path.Combine(_data.Path, "appsettings.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }

    [Fact]
    public async Task Json_PrintsTheHandComputedNumbers()
    {
        await ScriptedJourneys.WriteDatabaseAsync(_data.Path);

        var (code, stdout, stderr) = await RunAsync("metrics", "--from", "2026-03-01", "--to", "2026-03-08", "--json", "--data", _data.Path, "--config", await SettingsAsync());

        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(7, json.GetProperty("journeys").GetInt32());
        Assert.Equal(3.0 / 5, json.GetProperty("contextPreservationRate").GetDouble(), 12);
        Assert.Equal(2.0 / 3, json.GetProperty("crossChannelResolutionRate").GetDouble(), 12);
        Assert.Equal(2.0 / 7, json.GetProperty("firstContactResolutionRate").GetDouble(), 12);
        Assert.Equal(3.5, json.GetProperty("csatAverage").GetDouble(), 12);
        Assert.Equal(3000, json.GetProperty("meanTimeToResolutionSeconds").GetDouble(), 9);
        Assert.Equal(8.60m, json.GetProperty("costPerResolution").GetDecimal());
        Assert.Equal(7, json.GetProperty("journeyList").GetArrayLength());
        Assert.Equal("agent", json.GetProperty("journeyList")[1].GetProperty("resolvedBy").GetString());
    }

    [Fact]
    public async Task Text_PrintsTheRatesAndCosts()
    {
        await ScriptedJourneys.WriteDatabaseAsync(_data.Path);

        var (code, stdout, _) = await RunAsync("metrics", "--from", "2026-03-01", "--to", "2026-03-08T00:00:00Z", "--data", _data.Path, "--config", await SettingsAsync());

        Assert.Equal(0, code);
        Assert.Contains("context preservation rate      60.0% (3 of 5 channel switches and handoffs)", stdout, StringComparison.Ordinal);
        Assert.Contains("first-contact resolution rate  28.6%", stdout, StringComparison.Ordinal);
        Assert.Contains("time to resolution             mean 50m 0s, median 40m 0s", stdout, StringComparison.Ordinal);
        Assert.Contains("cost per resolution            8.6", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSettings_CostsAreZero()
    {
        await ScriptedJourneys.WriteDatabaseAsync(_data.Path);

        var (code, stdout, _) = await RunAsync("metrics", "--from", "2026-03-01", "--to", "2026-03-08", "--json", "--data", _data.Path);

        Assert.Equal(0, code);
        Assert.Equal(0m, JsonDocument.Parse(stdout).RootElement.GetProperty("totalCost").GetDecimal());
    }

    [Theory]
    [InlineData("yesterday", "2026-03-08", "omnibot metrics: --from must be a date (2026-03-01) or an ISO 8601 time (2026-03-01T08:00:00Z), not 'yesterday'.")]
    [InlineData("2026-03-08", "2026-03-01", "omnibot metrics: --to (2026-03-01T00:00:00.0000000+00:00) must be after --from (2026-03-08T00:00:00.0000000+00:00).")]
    public async Task BadRange_IsAUsageErrorNamingTheOption(string from, string to, string message)
    {
        var (code, _, stderr) = await RunAsync("metrics", "--from", from, "--to", to, "--data", _data.Path);

        Assert.Equal(2, code);
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadCostInTheSettings_IsAUsageErrorNamingTheKey()
    {
        var settings = await SettingsAsync("""{ "Journeys": { "Costs": { "AgentMinute": -1 } } }""");

        var (code, _, stderr) = await RunAsync("metrics", "--from", "2026-03-01", "--data", _data.Path, "--config", settings);

        Assert.Equal(2, code);
        Assert.Contains("Journeys:Costs:AgentMinute must not be negative", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoDatabase_ExitsOneSayingWhere()
    {
        var (code, _, stderr) = await RunAsync("metrics", "--from", "2026-03-01", "--data", Path.Combine(_data.Path, "missing"));

        Assert.Equal(1, code);
        Assert.Contains("no database at", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseOfABotWithoutJourneys_ExitsOneNamingAddJourneys()
    {
        using (new Omnichannel.Bots.Storage.Sqlite.SqliteDatabase(
            Microsoft.Extensions.Options.Options.Create(new Omnichannel.Bots.Storage.Sqlite.SqliteStorageOptions { DataDirectory = _data.Path }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Omnichannel.Bots.Storage.Sqlite.SqliteDatabase>.Instance))
        {
        }

        var (code, _, stderr) = await RunAsync("metrics", "--from", "2026-03-01", "--data", _data.Path);

        Assert.Equal(1, code);
        Assert.Contains("AddJourneys()", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFrom_IsAUsageError()
    {
        var (code, _, stderr) = await RunAsync("metrics", "--data", _data.Path);

        Assert.Equal(2, code);
        Assert.Contains("--from", stderr, StringComparison.Ordinal);
    }
}
