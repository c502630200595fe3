namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// How the article features add up to an article's score: <c>Word·cos(TF-IDF words+bigrams, article centroid) +
/// Character·cos(TF-IDF char 3-5-grams, centroid) + DenseCentroid·cos(embedding, article's mean embedding) +
/// DenseNearest·max cos(embedding, article's texts) + WordNearest·max cos(TF-IDF words+bigrams, article's texts) +
/// Classifier·P(article | question)</c>, the last from a softmax classifier trained on the example questions at calibration.
/// Learned per knowledge base by cross-validation on its example questions (see <see cref="KnowledgeCalibration"/>).
/// </summary>
public sealed record KnowledgeFusionWeights(double Word, double Character, double DenseCentroid, double DenseNearest, double WordNearest)
{
    /// <summary>The weight of the article's probability under the linear classifier trained at calibration (0: unused).</summary>
    public double Classifier { get; init; }

    /// <summary>The starting point (and the weights of a base with too few example questions), from BANKING77's dev split.</summary>
    public static KnowledgeFusionWeights Default { get; } = new(1, 0.75, 0.5, 0.5, 0.5);
}
