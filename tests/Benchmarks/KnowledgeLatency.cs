using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Omnichannel.Bots.Knowledge;

namespace Benchmarks;

/// <summary>
/// Search latency at 1k, 10k and 100k chunks, one thread: articles of 8 chunks (1 passage + 7 questions) drawn from
/// BANKING77's training questions, repeated with a numbered suffix beyond 10k. Embeddings are computed once per
/// distinct text and reused. Prints the store's index time, the searcher's build time (with a previous calibration:
/// the hot-reload path; and with cross-validated calibration), one edit (ApplyAsync of an article's chunks + the fast
/// build), p50/p99 of the store's hybrid search and of the whole
/// AskAsync (embedding + article ranking + store search), and memory.
/// </summary>
public static class KnowledgeLatency
{
    public static async Task RunAsync(List<LabelledQuery> train, List<LabelledQuery> test, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        Console.WriteLine();
        Console.WriteLine("## Latency, one thread (articles of 1 passage + 7 example questions; 500 test.csv questions after 100 warm-up)");
        Console.WriteLine("| chunks | articles | store index ms | searcher build ms (reuse calibration) | build ms (calibrate) | one edit: ApplyAsync + build ms | store search p50 / p99 ms | AskAsync p50 / p99 ms | GC heap MB | working set MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var pool = train.Select(t => t.Text).ToList();
        var poolVectors = await KnowledgeBaselines.EmbedAsync(embedder, pool);
        var queries = test.Select(t => t.Text).Take(600).ToList();
        foreach (var chunks in new[] { 1_000, 10_000, 100_000 })
        {
            var articleCount = chunks / 8;
            var articles = new List<KnowledgeArticle>(articleCount);
            var records = new List<KnowledgeRecord>(chunks);
            for (var a = 0; a < articleCount; a++)
            {
                var round = (a * 8) / pool.Count;
                string Text(int i) => round == 0 ? pool[((a * 8) + i) % pool.Count] : $"{pool[((a * 8) + i) % pool.Count]} {round}";
                var article = new KnowledgeArticle
                {
                    Id = $"a{a}",
                    Title = Text(0),
                    Locale = "en",
                    Questions = Enumerable.Range(1, 7).Select(Text).ToList(),
                    Answer = Text(0),
                    Sections = [new KnowledgeSection(null, Text(0), 1)],
                    Source = new KnowledgeSource($"a{a}.md", 1),
                };
                articles.Add(article);
                foreach (var chunk in KnowledgeChunker.Chunk(article, "bench"))
                {
                    var i = chunk.Kind == KnowledgeChunkKind.Passage ? 0 : int.Parse(chunk.Id[(chunk.Id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
                    records.Add(new KnowledgeRecord(chunk, poolVectors[((a * 8) + i) % pool.Count]));
                }
            }

            using var store = EmbeddedKnowledgeStore.CreateInMemory();
            var watch = Stopwatch.StartNew();
            await store.ReplaceAllAsync(records, CancellationToken.None);
            var indexMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var searcher = await KnowledgeSearcher.BuildAsync(articles, store, embedder, KnowledgeSearchOptions.Default with { Calibration = KnowledgeCalibration.Default }, CancellationToken.None);
            var fastBuildMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            _ = await searcher.CalibrateAsync(CancellationToken.None);
            var calibrateMs = fastBuildMs + watch.Elapsed.TotalMilliseconds;

            // Hot reload of one edited article: its 8 chunks re-applied (one text changed), then the fast searcher build.
            var edited = articles[0] with { Questions = [.. articles[0].Questions.Skip(1), "an edited example question"] };
            var editedRecords = KnowledgeChunker.Chunk(edited, "bench").Select(c => new KnowledgeRecord(c, poolVectors[0])).ToList();
            watch.Restart();
            await store.ApplyAsync(editedRecords, [], CancellationToken.None);
            articles[0] = edited;
            searcher = await KnowledgeSearcher.BuildAsync(articles, store, embedder, KnowledgeSearchOptions.Default with { Calibration = searcher.Calibration }, CancellationToken.None);
            var editMs = watch.Elapsed.TotalMilliseconds;

            var storeTimes = new List<double>();
            var askTimes = new List<double>();
            var vectors = await KnowledgeBaselines.EmbedAsync(embedder, queries);
            for (var q = 0; q < queries.Count; q++)
            {
                watch.Restart();
                _ = await store.SearchAsync(new KnowledgeSearchRequest(queries[q], vectors[q], 20), CancellationToken.None);
                var storeMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                _ = await searcher.AskAsync(queries[q], KnowledgeFilter.None, CancellationToken.None);
                var askMs = watch.Elapsed.TotalMilliseconds;
                if (q >= 100)
                {
                    storeTimes.Add(storeMs);
                    askTimes.Add(askMs);
                }
            }

            var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
            var workingSet = Environment.WorkingSet / 1048576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {chunks:N0} | {articleCount:N0} | {indexMs:F0} | {fastBuildMs:F0} | {calibrateMs:F0} | {editMs:F0} | {Percentile(storeTimes, 50):F3} / {Percentile(storeTimes, 99):F3} | {Percentile(askTimes, 50):F3} / {Percentile(askTimes, 99):F3} | {heap:F0} | {workingSet:F0} |"));
            GC.KeepAlive(searcher);
        }
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
