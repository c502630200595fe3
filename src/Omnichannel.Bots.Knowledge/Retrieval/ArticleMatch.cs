namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// One candidate article for a question. <see cref="Confidence"/> is in 0..1 and is what the calibrated threshold
/// applies to; <see cref="Hits"/> are the chunks that matched (best first), for explanations and the handoff packet.
/// </summary>
public sealed record ArticleMatch(KnowledgeArticle Article, double Confidence, IReadOnlyList<KnowledgeHit> Hits);
