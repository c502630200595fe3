using System.Diagnostics;
using System.Globalization;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot kb eval DIR QUERIES.tsv [--json] [--data DIR]</c>: asks every query and prints the retrieval numbers.</summary>
internal static class KbEvalCommand
{
    public static async Task<int> RunAsync(string folder, string queriesPath, bool json, string? dataDirectory, CliConsole console, CancellationToken cancellationToken)
    {
        var stdout = console.Out;
        var stderr = console.Error;
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(queriesPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"omnibot kb eval: cannot read '{queriesPath}': {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        try
        {
            using var session = await KbSession.OpenAsync(folder, dataDirectory, stderr, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return 1;
            }

            List<KbEvalQuery> queries;
            try
            {
                queries = KbEvalQuery.Parse(queriesPath, lines, session.Snapshot.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal));
            }
            catch (FormatException ex)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 1;
            }

            var searcher = await session.BuildSearcherAsync(cancellationToken).ConfigureAwait(false);
            var answers = new List<KnowledgeAnswer>(queries.Count);
            var latencies = new List<double>(queries.Count);
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                answers.Add(await searcher.AskAsync(query.Text, KnowledgeFilter.None, cancellationToken).ConfigureAwait(false));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var metrics = KbEvalMetrics.Compute(queries, answers, latencies, searcher.Threshold);
            await stdout.WriteLineAsync(json ? metrics.ToJson() : Text(metrics)).ConfigureAwait(false);
            return 0;
        }
        catch (ArgumentException ex)
        {
            return await console.UsageErrorAsync(ex.Message).ConfigureAwait(false);
        }
    }

    private static string Text(KbEvalMetrics m)
    {
        static string Percent(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:F1}%") : "n/a";
        return string.Create(CultureInfo.InvariantCulture, $"""
            queries            {m.Queries} ({m.InScope} in scope, {m.OutOfScopeCount} out of scope)
            top-1              {Percent(m.Top1)}
            top-3              {Percent(m.Top3)}
            MRR                {m.Mrr?.ToString("F3", CultureInfo.InvariantCulture) ?? "n/a"}
            in-scope accuracy  {Percent(m.InScopeAccuracy)} (answered with the right article; declined counts wrong)
            oos precision      {Percent(m.OosPrecision)}
            oos recall         {Percent(m.OosRecall)}
            decisions          {m.Answered} answer, {m.Clarified} clarify, {m.Declined} decline (threshold {m.Threshold:F2})
            latency            p50 {m.LatencyP50:F2} ms, p99 {m.LatencyP99:F2} ms
            """);
    }
}
