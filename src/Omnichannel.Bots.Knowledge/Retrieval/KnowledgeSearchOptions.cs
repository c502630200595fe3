namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Ranking and calibration settings of <see cref="KnowledgeSearcher"/> (the score of an article: see
/// <see cref="KnowledgeFusionWeights"/>). The defaults were chosen on a seeded dev split of BANKING77's train.csv (see
/// tests/Benchmarks/README.md).
/// </summary>
public sealed record KnowledgeSearchOptions
{
    public static KnowledgeSearchOptions Default { get; } = new();

    /// <summary>The fusion weights calibration starts from (and keeps when <see cref="LearnWeights"/> is off or the base is too small).</summary>
    public KnowledgeFusionWeights Weights { get; init; } = KnowledgeFusionWeights.Default;

    /// <summary>Learn the fusion weights per knowledge base by cross-validation on its example questions (coordinate ascent on top-1).</summary>
    public bool LearnWeights { get; init; } = true;

    /// <summary>Cross-validation folds for calibration.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>At most this many example questions are held out during calibration (a seeded sample), to bound its time.</summary>
    public int MaxCalibrationQuestions { get; init; } = 1500;

    /// <summary>Below this many example questions the base uses <see cref="KnowledgeCalibration.Default"/>.</summary>
    public int MinCalibrationQuestions { get; init; } = 8;

    /// <summary>
    /// The share of customer questions the knowledge base cannot answer, as the threshold calibration weighs them against
    /// answerable ones (0.5 would weigh a wrongly answered out-of-scope question like a needlessly declined answerable
    /// one; support traffic mostly asks what the help centre covers). A prior, not tuned on any test set.
    /// </summary>
    public double ExpectedOutOfScopeShare { get; init; } = 0.25;

    /// <summary>The calibrated threshold never goes below this (a tiny base would otherwise answer everything).</summary>
    public double MinimumThreshold { get; init; } = 0.2;

    /// <summary>
    /// Two articles whose scores differ by at most this fraction of the top score are always offered as a choice (when
    /// the pair is confident); calibration may widen it up to <see cref="MaximumClarifyMargin"/>.
    /// </summary>
    public double MinimumClarifyMargin { get; init; } = 0.05;

    /// <summary>The calibrated clarify margin (a fraction of the top score) never exceeds this.</summary>
    public double MaximumClarifyMargin { get; init; } = 0.15;

    public int Seed { get; init; } = 17;

    /// <summary>Articles returned in <see cref="KnowledgeAnswer.Matches"/>.</summary>
    public int MaxMatches { get; init; } = 5;

    /// <summary>Chunks asked from the store per question (the evidence in <see cref="ArticleMatch.Hits"/>).</summary>
    public int StoreHits { get; init; } = 20;

    /// <summary>When set, <see cref="KnowledgeSearcher.BuildAsync"/> uses it instead of calibrating (the fast path for hot reload).</summary>
    public KnowledgeCalibration? Calibration { get; init; }
}
