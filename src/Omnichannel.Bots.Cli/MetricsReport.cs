using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Journeys;
using Omnichannel.Bots.Journeys.Storage;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot metrics</c>: reads the bot's journey events and prints the metrics (<see cref="IJourneyMetrics"/>, the
/// same numbers as the workspace's <c>GET /api/agent/metrics</c>), with the <c>Journeys</c> settings of
/// <c>--config</c>. Exit 0 done, 1 no database or no journey events in it, 2 usage (a bad time or settings file).
/// </summary>
internal static class MetricsReport
{
    public static async Task<int> RunAsync(MetricsRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        var (from, to, problem) = MetricsRange.Parse(request.From, request.To, TimeProvider.System.GetUtcNow());
        if (problem is not null)
        {
            return await console.UsageErrorAsync(problem.Replace("'from'", "--from", StringComparison.Ordinal).Replace("'to'", "--to", StringComparison.Ordinal)).ConfigureAwait(false);
        }

        var (options, settingsProblem) = Settings(request.ConfigFile);
        if (settingsProblem is not null)
        {
            return await console.UsageErrorAsync(settingsProblem).ConfigureAwait(false);
        }

        var directory = Path.GetFullPath(request.DataDirectory);
        var path = Path.Combine(directory, request.FileName);
        if (!File.Exists(path))
        {
            await console.Error.WriteLineAsync($"omnibot metrics: no database at {path} (give the bot's data folder with --data).").ConfigureAwait(false);
            return 1;
        }

        using var database = new SqliteDatabase(
            Options.Create(new SqliteStorageOptions { DataDirectory = directory, FileName = Path.GetFileName(path) }),
            NullLogger<SqliteDatabase>.Instance);
        if (!SqliteJourneysSchema.IsInstalled(database))
        {
            await console.Error.WriteLineAsync($"omnibot metrics: {path} has no journey events (the bot records them with AddJourneys()).").ConfigureAwait(false);
            return 1;
        }

        var metrics = await new SqliteJourneyMetrics(database, Options.Create(options!)).ComputeAsync(from, to, cancellationToken).ConfigureAwait(false);
        await console.Out.WriteAsync(request.Json ? JourneyMetricsJson.Serialize(metrics) + Environment.NewLine : Text(metrics)).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The <c>Journeys</c> section of the settings file (defaults without one), checked like the bot checks it on start.</summary>
    private static (JourneysOptions? Options, string? Problem) Settings(string? file)
    {
        var options = new JourneysOptions();
        if (file is null)
        {
            return (options, null);
        }

        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            return (null, $"--config: no settings file at {full}.");
        }

        try
        {
            new ConfigurationBuilder().AddJsonFile(full, optional: false).Build().GetSection(JourneysOptions.SectionName).Bind(options);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
        {
            return (null, $"--config: {full} could not be read: {e.Message}");
        }

        var problems = JourneysOptionsValidator.Problems(options).ToList();
        return problems.Count == 0 ? (options, null) : (null, $"--config: {string.Join(" ", problems)}");
    }

    private static string Text(JourneyMetrics m)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"journeys that started {m.From:yyyy-MM-dd HH:mm:ss}Z to {m.To:yyyy-MM-dd HH:mm:ss}Z (UTC)");
        text.WriteLine($"journeys                       {m.Journeys}");
        text.WriteLine($"resolved                       {m.Resolved} (bot {m.ResolvedByBot}, agent {m.ResolvedByAgent}), {Percent(m.ResolutionRate)}");
        text.WriteLine($"context preservation rate      {Percent(m.ContextPreservationRate)} ({m.PreservedTransitions} of {m.Transitions} channel switches and handoffs)");
        text.WriteLine($"cross-channel resolution rate  {Percent(m.CrossChannelResolutionRate)} ({m.CrossChannelJourneys} cross-channel journeys)");
        text.WriteLine($"first-contact resolution rate  {Percent(m.FirstContactResolutionRate)}");
        text.WriteLine($"journey CSAT                   {(m.CsatAverage is { } average ? average.ToString("0.00", CultureInfo.InvariantCulture) : "-")} average, {Percent(m.CsatSatisfiedRate)} rated 4-5 ({m.RatedJourneys} rated)");
        text.WriteLine($"time to resolution             mean {Duration(m.MeanTimeToResolution)}, median {Duration(m.MedianTimeToResolution)}");
        text.WriteLine($"total cost                     {m.TotalCost:0.####}");
        text.WriteLine($"cost per resolution            {(m.CostPerResolution is { } cost ? cost.ToString("0.####", CultureInfo.InvariantCulture) : "-")}");
        return text.ToString();
    }

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Duration(TimeSpan? time) => time is not { } t ? "-"
        : t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h {t.Minutes}m")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}m {t.Seconds}s");
}
