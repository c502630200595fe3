namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The knowledge base's answer to one question: the ranked candidate articles, the decision, and the threshold the
/// decision used (calibrated for this knowledge base).
/// </summary>
public sealed record KnowledgeAnswer(string Question, KnowledgeDecision Decision, IReadOnlyList<ArticleMatch> Matches, double Threshold)
{
    /// <summary>The best article, or null when nothing matched at all.</summary>
    public ArticleMatch? Best => Matches.Count > 0 ? Matches[0] : null;
}
