namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// How a knowledge base turns ranking scores into a confidence and a decision, learned from its own example questions
/// (see <see cref="KnowledgeSearcher.CalibrateAsync"/>). Confidence = sigmoid(ScoreWeight·s + MarginWeight·(s − s_next) +
/// Bias), where s is the article's score and s_next the best other article's; answer at or above
/// <see cref="Threshold"/>; clarify when the top two scores differ by at most <see cref="ClarifyMargin"/> (a fraction of the top
/// score) and the pair is confident. <see cref="Samples"/> is how many held-out questions it was fitted on (0: defaults, the base has too few
/// example questions).
/// </summary>
public sealed record KnowledgeCalibration(double Threshold, double ClarifyMargin, double ScoreWeight, double MarginWeight, double Bias, int Samples)
{
    /// <summary>What a knowledge base with too few example questions uses (fitted once on BANKING77's dev split).</summary>
    public static KnowledgeCalibration Default { get; } = new(0.5, 0.05, 2.5, 1.0, -3.0, 0);

    /// <summary>The fusion weights this base ranks with (learned with the rest of the calibration).</summary>
    public KnowledgeFusionWeights Weights { get; init; } = KnowledgeFusionWeights.Default;

    /// <summary>The linear classifier trained on the example questions at calibration (null: none, its feature is 0).</summary>
    internal LinearClassifier? Classifier { get; init; }

    public double Confidence(double score, double margin)
    {
        var z = (ScoreWeight * score) + (MarginWeight * margin) + Bias;
        return 1 / (1 + Math.Exp(-z));
    }
}
