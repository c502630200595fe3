using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots;
using Omnichannel.Bots.Knowledge;

namespace Benchmarks;

/// <summary>
/// `hot-reload`: the time from saving one changed file in a knowledge base of N articles to the bot answering from
/// it, through the real file watcher, reader, ingestion (only the changed chunks re-embedded), searcher and store.
/// Baseline in the same run: building the whole base from scratch (what a system without incremental ingestion
/// pays on every edit).
/// </summary>
public static class HotReloadCommand
{
    public const string Usage = "hot-reload [--articles N (1000)] [--edits E (20)] [--reload-delay MS (150)]";

    public static async Task<int> RunAsync(string[] args)
    {
        var articles = IntOption(args, "--articles", 1000);
        var edits = IntOption(args, "--edits", 20);
        var reloadDelay = TimeSpan.FromMilliseconds(IntOption(args, "--reload-delay", 150));
        var root = Directory.CreateTempSubdirectory("omnibot-hot-reload-");
        try
        {
            var folder = Path.Combine(root.FullName, "knowledge");
            SyntheticKnowledge.Write(folder, articles, seed: 1000);
            Console.WriteLine($"hot-reload: {articles} articles, {edits} edits, reload delay (debounce) {reloadDelay.TotalMilliseconds:F0} ms; load average {MachineFacts.LoadAverage()}");

            var coldStart = Stopwatch.GetTimestamp();
            using var host = BuildHost(folder, Path.Combine(root.FullName, "data"), reloadDelay);
            await host.StartAsync();
            var knowledge = host.Services.GetRequiredService<KnowledgeBase>();
            await knowledge.FirstLoad;
            var cold = Stopwatch.GetElapsedTime(coldStart);
            var status = knowledge.Status;
            Console.WriteLine($"baseline, full build from scratch: {cold.TotalMilliseconds:F0} ms ({status.Articles} articles, {status.Chunks} chunks, reload part {status.LastReloadMilliseconds:F0} ms, problems {status.Problems.Count})");
            if (status.Version == 0 || status.Articles != articles)
            {
                Console.Error.WriteLine($"The knowledge base did not load: {status.ReloadError ?? string.Join("; ", status.Problems.Take(3))}");
                return 1;
            }

            var random = new Random(7);
            var latencies = new List<long>();
            var reloads = new List<double>();
            var parts = new List<KnowledgeReloadTimings>();
            for (var edit = 0; edit < edits; edit++)
            {
                var target = random.Next(articles);
                var phrase = SyntheticKnowledge.EditPhrase(edit);
                var path = SyntheticKnowledge.PathOf(folder, target);
                var text = SyntheticKnowledge.WithQuestion(await File.ReadAllTextAsync(path), phrase);
                var versionBefore = knowledge.Status.Version;
                var started = Stopwatch.GetTimestamp();
                await File.WriteAllTextAsync(path, text);
                while (!await AnswersFromEditAsync(knowledge, phrase, SyntheticKnowledge.IdOf(target)))
                {
                    if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                    {
                        Console.Error.WriteLine($"edit {edit}: article {SyntheticKnowledge.IdOf(target)} still not answered after 30 s (version {knowledge.Status.Version}, {knowledge.Status.ReloadError})");
                        return 1;
                    }

                    await Task.Delay(2);
                }

                latencies.Add(Stopwatch.GetTimestamp() - started);
                reloads.Add(knowledge.Status.LastReloadMilliseconds ?? double.NaN);
                if (knowledge.Status.LastReloadTimings is { } timings)
                {
                    parts.Add(timings);
                }
                if (knowledge.Status.Version == versionBefore)
                {
                    Console.Error.WriteLine($"edit {edit}: answered without a new version?");
                }
            }

            var distribution = new LatencyDistribution(latencies);
            reloads.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"save -> answered from the edit ({distribution.Count} edits): p50 {distribution.PercentileMs(50):F0} ms, p90 {distribution.PercentileMs(90):F0} ms, max {distribution.MaxMs:F0} ms (target <= 1000 ms)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  of which the reload itself (read, ingest, build searcher): p50 {reloads[reloads.Count / 2]:F0} ms, max {reloads[^1]:F0} ms; the rest is the {reloadDelay.TotalMilliseconds:F0} ms debounce and the watcher"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reload parts, median: read+validate {Median(parts.Select(p => p.Read)):F0} ms, ingest {Median(parts.Select(p => p.Ingest)):F0} ms, build searcher {Median(parts.Select(p => p.Build)):F0} ms"));
            await host.StopAsync();
            return 0;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task<bool> AnswersFromEditAsync(KnowledgeBase knowledge, string phrase, string articleId)
    {
        if (knowledge.FindArticle(articleId)?.Questions.Contains(phrase) != true)
        {
            return false;
        }

        var answer = await knowledge.AskAsync(phrase, KnowledgeFilter.None, CancellationToken.None);
        return answer.Best?.Article.Id == articleId;
    }

    private static IHost BuildHost(string folder, string dataDirectory, TimeSpan reloadDelay)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        Directory.CreateDirectory(dataDirectory);
        builder.Services.AddSingleton(new BotDataDirectory(dataDirectory));
        builder.Services.AddKnowledgeBase(options =>
        {
            options.Path = folder;
            options.ReloadDelay = reloadDelay;
        });
        return builder.Build();
    }

    private static double Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Select(v => v.TotalMilliseconds).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"{name} needs a positive whole number.");
        }

        return value;
    }
}
