using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Benchmarks;

/// <summary>
/// The two plain baselines, measured in the same run as our configuration:
/// A = nearest training examples, reciprocal-rank fusion (k 60) of the TF-IDF (word+char) ranking and the dense
/// (GloVe-SIF) ranking, labels in order of their best example; B = one TF-IDF (word+char) centroid per label.
/// </summary>
public static class KnowledgeBaselines
{
    public static async Task<Func<string, IReadOnlyList<string>>> NearestNeighboursRrfAsync(IReadOnlyList<LabelledQuery> examples, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var lexical = new TfIdfIndex(examples.Select(e => (IReadOnlyList<string>)[e.Text]).ToList());
        var vectors = await EmbedAsync(embedder, examples.Select(e => e.Text).ToList());
        return query =>
        {
            var lexicalScores = lexical.Scores(query);
            var q = EmbedAsync(embedder, [query]).GetAwaiter().GetResult()[0];
            var denseScores = vectors.Select(v => TensorPrimitives.Dot(v, q)).ToArray();
            var fused = new double[examples.Count];
            AddRanks(fused, lexicalScores);
            AddRanks(fused, denseScores);
            return Enumerable.Range(0, fused.Length).OrderByDescending(i => fused[i]).Select(i => examples[i].Label).Distinct().Take(10).ToList();
        };
    }

    public static Func<string, IReadOnlyList<string>> TfIdfCentroids(IReadOnlyList<LabelledQuery> examples)
    {
        var labels = examples.Select(e => e.Label).Distinct().ToList();
        var index = new TfIdfIndex(labels.Select(l => (IReadOnlyList<string>)examples.Where(e => e.Label == l).Select(e => e.Text).ToList()).ToList());
        return query =>
        {
            var scores = index.Scores(query);
            return Enumerable.Range(0, labels.Count).OrderByDescending(i => scores[i]).Take(10).Select(i => labels[i]).ToList();
        };
    }

    public static async Task<List<float[]>> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var result = new List<float[]>(texts.Count);
        foreach (var embedding in await embedder.GenerateAsync(texts))
        {
            var vector = embedding.Vector.ToArray();
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            result.Add(vector);
        }

        return result;
    }

    private static void AddRanks(double[] fused, float[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(200).ToArray();
        for (var r = 0; r < order.Length; r++)
        {
            fused[order[r]] += 1.0 / (60 + r + 1);
        }
    }
}
