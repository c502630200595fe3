using System.Globalization;
using Microsoft.Extensions.AI;
using Omnichannel.Bots.Knowledge;

namespace Benchmarks;

/// <summary>
/// <c>knowledge --dev</c>: the weights of <see cref="KnowledgeSearchOptions"/> were chosen here, on a dev split carved
/// from BANKING77's train.csv (shuffled with seed <see cref="KnowledgeCommand.DevSeed"/>, the first
/// <see cref="KnowledgeCommand.DevSize"/> rows held out; knowledge from the rest, all of it or its first 10 per intent
/// in file order). test.csv is never read here.
/// </summary>
public static class KnowledgeTuning
{
    public static async Task RunAsync(List<LabelledQuery> train, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var random = new Random(KnowledgeCommand.DevSeed);
        var order = Enumerable.Range(0, train.Count).OrderBy(_ => random.Next()).ToArray();
        var devIndexes = order.Take(KnowledgeCommand.DevSize).ToHashSet();
        var dev = train.Where((_, i) => devIndexes.Contains(i)).ToList();
        var rest = train.Where((_, i) => !devIndexes.Contains(i)).ToList();
        Console.WriteLine($"dev split: seed {KnowledgeCommand.DevSeed}, {dev.Count} dev questions, knowledge from the other {rest.Count}");
        foreach (var (name, examples) in new[] { ("full", rest), ("10 per intent", KnowledgeCommand.FirstPerLabel(rest, 10)) })
        {
            Console.WriteLine();
            Console.WriteLine($"### {name}: {examples.Count} examples");
            Console.WriteLine(RankingResult.Score("baseline A", dev, await KnowledgeBaselines.NearestNeighboursRrfAsync(examples, embedder)));
            Console.WriteLine(RankingResult.Score("baseline B", dev, KnowledgeBaselines.TfIdfCentroids(examples)));
            var articles = KnowledgeCorpus.ArticlesFromExamples(examples);
            foreach (var (label, options) in new[]
            {
                ("ours, default weights (no learning)", KnowledgeSearchOptions.Default with { LearnWeights = false }),
                ("ours, weights learned by CV (defaults)", KnowledgeSearchOptions.Default),
            })
            {
                var (searcher, _, _, build) = await KnowledgeCorpus.BuildAsync(articles, embedder, options);
                Console.WriteLine(RankingResult.Score(label, dev, KnowledgeCorpus.Ranker(searcher)));
                var c = searcher.Calibration;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    build {build.TotalMilliseconds:F0} ms; {c.Weights}; threshold {c.Threshold:F2}, clarify {c.ClarifyMargin:F3}, confidence = sigmoid({c.ScoreWeight:F2}·s + {c.MarginWeight:F2}·margin + {c.Bias:F2}), {c.Samples} held-out"));
            }
        }
    }
}
