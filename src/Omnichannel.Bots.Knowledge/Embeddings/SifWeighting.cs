namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Smooth inverse frequency (SIF, Arora et al. 2017) weights from a word's frequency rank, and the principal component
/// that SIF removes from sentence vectors, computed from the vocabulary alone so that embedding stays a pure function of
/// the text.
/// </summary>
public static class SifWeighting
{
    /// <summary>The SIF parameter chosen on a BANKING77 dev split (see Embeddings/Data/README.md).</summary>
    public const float DefaultA = 3e-4f;

    private const double EulerGamma = 0.5772156649015329;

    /// <summary>
    /// The Zipf estimate of a word's unigram probability from its 0-based frequency rank in a vocabulary of
    /// <paramref name="vocabularySize"/> words: <c>1 / ((rank + 1) * H(N))</c>.
    /// </summary>
    public static double ZipfProbability(int rank, int vocabularySize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 1);
        var harmonic = Math.Log(vocabularySize) + EulerGamma + (1.0 / (2.0 * vocabularySize));
        return 1.0 / ((rank + 1.0) * harmonic);
    }

    /// <summary>The SIF weight <c>a / (a + p(w))</c> for a word of the given rank.</summary>
    public static float Weight(int rank, int vocabularySize, float a)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        return (float)(a / (a + ZipfProbability(rank, vocabularySize)));
    }

    /// <summary>The SIF weight of every word of <paramref name="table"/>.</summary>
    public static float[] Weights(WordVectorTable table, float a)
    {
        ArgumentNullException.ThrowIfNull(table);
        var weights = new float[table.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Weight(table.GetRank(i), table.SourceVocabularySize, a);
        }

        return weights;
    }

    /// <summary>
    /// The first principal component of the SIF-weighted word vectors, each weighted by its Zipf probability (the
    /// uncentred second moment of a random running-text token's weighted vector, which is what dominates the sentence
    /// vectors SIF takes the component from). Power iteration; the sign is fixed so that the largest entry is positive.
    /// </summary>
    public static float[] VocabularyPrincipalComponent(WordVectorTable table, float a, int iterations = 200)
    {
        ArgumentNullException.ThrowIfNull(table);
        var dims = table.Dimensions;
        var weights = Weights(table, a);
        var rowWeights = new double[table.Count];
        var vectors = new float[table.Count * dims];
        for (var i = 0; i < table.Count; i++)
        {
            var w = weights[i];
            rowWeights[i] = ZipfProbability(table.GetRank(i), table.SourceVocabularySize) * w * w;
            table.CopyVector(i, vectors.AsSpan(i * dims, dims));
        }

        var v = new double[dims];
        Array.Fill(v, 1.0 / Math.Sqrt(dims));
        var next = new double[dims];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(next);
            for (var i = 0; i < table.Count; i++)
            {
                var row = vectors.AsSpan(i * dims, dims);
                var dot = 0.0;
                for (var d = 0; d < dims; d++)
                {
                    dot += row[d] * v[d];
                }

                var factor = rowWeights[i] * dot;
                for (var d = 0; d < dims; d++)
                {
                    next[d] += factor * row[d];
                }
            }

            var norm = Math.Sqrt(next.Sum(x => x * x));
            if (norm == 0)
            {
                throw new InvalidOperationException("The word vectors are all zero; there is no principal component.");
            }

            var change = 0.0;
            for (var d = 0; d < dims; d++)
            {
                var value = next[d] / norm;
                change = Math.Max(change, Math.Abs(value - v[d]));
                v[d] = value;
            }

            if (change < 1e-9)
            {
                break;
            }
        }

        var largest = 0;
        for (var d = 1; d < dims; d++)
        {
            if (Math.Abs(v[d]) > Math.Abs(v[largest]))
            {
                largest = d;
            }
        }

        var sign = v[largest] < 0 ? -1.0 : 1.0;
        return v.Select(x => (float)(sign * x)).ToArray();
    }
}
