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
            var (searcher, _, _, _) = await KnowledgeCorpus.BuildAsync(articles, embedder, KnowledgeSearchOptions.Default with { Calibration = KnowledgeCalibration.Default });
            var features = new List<(ArticleScores Scores, int Label)>();
            foreach (var q in dev)
            {
                features.Add((await searcher.FeaturesAsync(q.Text, CancellationToken.None), articles.FindIndex(a => a.Id == q.Label)));
            }

            var results = new List<(double Top1, string Config)>();
            double[] grid = [0, 0.25, 0.5, 0.75, 1, 1.5, 2];
            foreach (var word in new[] { 0.0, 0.5, 1 })
            {
                foreach (var character in grid)
                {
                    foreach (var centroid in grid)
                    {
                        foreach (var nearest in grid)
                        {
                            var correct = 0;
                            foreach (var (scores, label) in features)
                            {
                                var best = -1;
                                var bestScore = double.NegativeInfinity;
                                for (var a = 0; a < scores.Total.Length; a++)
                                {
                                    var s = (word * scores.Word[a]) + (character * scores.Character[a]) + (centroid * scores.DenseCentroid[a]) + (nearest * Math.Max(0, scores.DenseNearest[a]));
                                    if (s > bestScore)
                                    {
                                        (best, bestScore) = (a, s);
                                    }
                                }

                                correct += best == label ? 1 : 0;
                            }

                            results.Add(((double)correct / dev.Count, string.Create(CultureInfo.InvariantCulture, $"word {word} char {character} centroid {centroid} nearest {nearest}")));
                        }
                    }
                }
            }

            foreach (var (top1, config) in results.OrderByDescending(r => r.Top1).Take(12))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dev top-1 {top1 * 100:F2}  {config}"));
            }

            var defaults = KnowledgeSearchOptions.Default;
            Console.WriteLine(RankingResult.Score("ours (defaults)", dev, KnowledgeCorpus.Ranker(searcher)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  defaults: word {defaults.WordWeight} char {defaults.CharacterWeight} centroid {defaults.DenseCentroidWeight} nearest {defaults.DenseNearestWeight}"));
        }
    }
}
