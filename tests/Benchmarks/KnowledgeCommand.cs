using System.Globalization;
using Microsoft.Extensions.AI;
using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.TestSupport;

namespace Benchmarks;

/// <summary>
/// <c>knowledge</c>: retrieval quality on BANKING77 and the Bitext 27-answer FAQ, out-of-scope detection, and search
/// latency / build time / memory at 1k, 10k and 100k chunks. Reads the public data under <c>tests/data</c> (<see cref="TestData"/>).
/// </summary>
public static class KnowledgeCommand
{
    public const string Usage = """
        usage: knowledge [--dev] [--skip-latency]
          --dev            tuning mode: scores configurations on the seeded dev split of train.csv (never test.csv)
          --skip-latency   leave out the 1k/10k/100k latency section
        """;

    /// <summary>The dev split: train.csv shuffled with this seed, the first <see cref="DevSize"/> rows held out.</summary>
    public const int DevSeed = 42;

    public const int DevSize = 1500;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var dev = args.Contains("--dev");
        var unknown = args.Where(a => a is not ("--dev" or "--skip-latency")).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown option '{unknown[0]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.WriteLine($"knowledge benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {MachineFacts.LoadAverage()}, {Environment.ProcessorCount} cores, data {TestData.Folder}");
        using var embedder = new StaticWordEmbeddingGenerator();
        var train = Load(TestData.File("banking77", "train.csv"), "text", "category");
        var test = Load(TestData.File("banking77", "test.csv"), "text", "category");
        if (dev)
        {
            await KnowledgeTuning.RunAsync(train, embedder);
            return 0;
        }

        await Banking77Async(train, test, embedder);
        await KnowledgeOutOfScope.RunAsync(train, test, embedder);
        await BitextAsync(embedder);
        if (!args.Contains("--skip-latency"))
        {
            await KnowledgeLatency.RunAsync(train, test, embedder);
        }

        return 0;
    }

    public static List<LabelledQuery> Load(string path, string textColumn, string labelColumn) =>
        KnowledgeData.ReadCsv(path).Select(r => new LabelledQuery(r[textColumn], r[labelColumn])).ToList();

    /// <summary>The first <paramref name="perLabel"/> examples of each label, in file order.</summary>
    public static List<LabelledQuery> FirstPerLabel(IReadOnlyList<LabelledQuery> examples, int perLabel)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        return examples.Where(e => (counts[e.Label] = counts.GetValueOrDefault(e.Label) + 1) <= perLabel).ToList();
    }

    private static async Task Banking77Async(List<LabelledQuery> train, List<LabelledQuery> test, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        Console.WriteLine();
        Console.WriteLine($"## BANKING77 (test.csv, {test.Count} questions, 77 intents; one article per intent)");
        foreach (var (name, examples) in new[] { ("full train.csv", train), ("10 per intent", FirstPerLabel(train, 10)) })
        {
            Console.WriteLine();
            Console.WriteLine($"knowledge from {name}: {examples.Count} example questions");
            Console.WriteLine(RankingResult.Header);
            Warm(test);
            var a = await KnowledgeBaselines.NearestNeighboursRrfAsync(examples, embedder);
            Console.WriteLine(RankingResult.Score("baseline A: RRF(TF-IDF word+char, SIF) nearest", test, a));
            Console.WriteLine(RankingResult.Score("baseline B: TF-IDF word+char centroid", test, KnowledgeBaselines.TfIdfCentroids(examples)));
            var (searcher, _, indexTime, buildTime) = await KnowledgeCorpus.BuildAsync(KnowledgeCorpus.ArticlesFromExamples(examples), embedder, KnowledgeSearchOptions.Default);
            var ranker = KnowledgeCorpus.Ranker(searcher);
            _ = RankingResult.Score("warm-up", test.Take(200).ToList(), ranker);
            Console.WriteLine(RankingResult.Score("ours: KnowledgeSearcher (defaults)", test, ranker));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ours: store index (embed + ReplaceAll) {indexTime.TotalMilliseconds:F0} ms, searcher build incl. calibration {buildTime.TotalMilliseconds:F0} ms; threshold {searcher.Threshold:F2}, clarify margin {searcher.Calibration.ClarifyMargin:F3}, fitted on {searcher.Calibration.Samples} held-out questions"));
        }
    }

    private static async Task BitextAsync(IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var path = TestData.File("bitext-cs", "faq-27-answers.csv");
        Console.WriteLine();
        Console.WriteLine("## Bitext 27-answer FAQ (knowledge = the 27 answers, title = the intent in words, no example questions)");

        var rows = KnowledgeData.ReadCsv(path);
        var articles = rows.GroupBy(r => r["intent"]).Select(g => new KnowledgeArticle
        {
            Id = g.Key.Replace('_', '-'),
            Title = KnowledgeCorpus.Humanize(g.Key),
            Locale = "en",
            Answer = g.First()["response"],
            Sections = [new KnowledgeSection(null, g.First()["response"], 1)],
            Source = new KnowledgeSource(g.Key + ".md", 1),
        }).ToList();
        var queries = rows.Select(r => new LabelledQuery(r["instruction"], r["intent"].Replace('_', '-'))).ToList();
        var (searcher, _, _, _) = await KnowledgeCorpus.BuildAsync(articles, embedder, KnowledgeSearchOptions.Default);
        Console.WriteLine(RankingResult.Header);
        var b = KnowledgeBaselines.TfIdfCentroids(articles.SelectMany(a => new[] { new LabelledQuery(a.Title, a.Id), new LabelledQuery(a.Answer, a.Id) }).ToList());
        Console.WriteLine(RankingResult.Score("baseline: TF-IDF word+char of title+answer", queries, b));
        Console.WriteLine(RankingResult.Score("ours: KnowledgeSearcher (defaults)", queries, KnowledgeCorpus.Ranker(searcher)));
    }

    private static void Warm(List<LabelledQuery> test) => _ = test.Take(50).Select(q => LexicalAnalyzer.Default.Analyze(q.Text)).Count();
}
