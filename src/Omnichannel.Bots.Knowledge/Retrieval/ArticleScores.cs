namespace Omnichannel.Bots.Knowledge;

/// <summary>The per-article features of one question, and their weighted sum (the ranking score).</summary>
internal sealed class ArticleScores(int articles)
{
    public float[] Word { get; } = new float[articles];

    public float[] Character { get; } = new float[articles];

    public float[] DenseCentroid { get; } = new float[articles];

    public float[] DenseNearest { get; } = new float[articles];

    public float[] WordNearest { get; } = new float[articles];

    /// <summary>The probability of each article under the calibration's <see cref="LinearClassifier"/> (0 without one).</summary>
    public float[] Classifier { get; } = new float[articles];

    /// <summary>Adds up the features with <paramref name="weights"/> into <paramref name="total"/> (masked articles stay -inf).</summary>
    public void Combine(KnowledgeFusionWeights weights, float[] total, bool[]? allowed = null)
    {
        for (var a = 0; a < total.Length; a++)
        {
            total[a] = allowed is not null && !allowed[a]
                ? float.NegativeInfinity
                : (float)((weights.Word * Word[a]) + (weights.Character * Character[a]) + (weights.DenseCentroid * DenseCentroid[a])
                    + (weights.DenseNearest * Math.Max(0, DenseNearest[a])) + (weights.WordNearest * WordNearest[a]) + (weights.Classifier * Classifier[a]));
        }
    }

    public float[] Total { get; } = new float[articles];
}
