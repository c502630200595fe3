namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Ranking and calibration settings of <see cref="KnowledgeSearcher"/>. The score of an article is
/// <c>Word·cos(TF-IDF words+bigrams, article centroid) + Character·cos(TF-IDF char 3-5-grams, centroid) +
/// DenseCentroid·cos(embedding, article's mean embedding) + DenseNearest·max cos(embedding, article's texts)</c>.
/// The defaults were tuned on a seeded dev split of BANKING77's train.csv (see tests/Benchmarks/README.md).
/// </summary>
public sealed record KnowledgeSearchOptions
{
    public static KnowledgeSearchOptions Default { get; } = new();

    public double WordWeight { get; init; } = 1.0;

    public double CharacterWeight { get; init; } = 1.0;

    public double DenseCentroidWeight { get; init; } = 1.0;

    public double DenseNearestWeight { get; init; } = 0.5;

    /// <summary>Cross-validation folds for calibration.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>At most this many example questions are held out during calibration (a seeded sample), to bound its time.</summary>
    public int MaxCalibrationQuestions { get; init; } = 1500;

    /// <summary>Below this many example questions the base uses <see cref="KnowledgeCalibration.Default"/>.</summary>
    public int MinCalibrationQuestions { get; init; } = 8;

    /// <summary>The calibrated threshold never goes below this (a tiny base would otherwise answer everything).</summary>
    public double MinimumThreshold { get; init; } = 0.2;

    /// <summary>Two articles closer than this in score are always offered as a choice (when the pair is confident).</summary>
    public double MinimumClarifyMargin { get; init; } = 0.01;

    public int Seed { get; init; } = 17;

    /// <summary>Articles returned in <see cref="KnowledgeAnswer.Matches"/>.</summary>
    public int MaxMatches { get; init; } = 5;

    /// <summary>Chunks asked from the store per question (the evidence in <see cref="ArticleMatch.Hits"/>).</summary>
    public int StoreHits { get; init; } = 20;

    /// <summary>When set, <see cref="KnowledgeSearcher.BuildAsync"/> uses it instead of calibrating (the fast path for hot reload).</summary>
    public KnowledgeCalibration? Calibration { get; init; }

    internal ScoreWeights Weights => new(WordWeight, CharacterWeight, DenseCentroidWeight, DenseNearestWeight);
}
