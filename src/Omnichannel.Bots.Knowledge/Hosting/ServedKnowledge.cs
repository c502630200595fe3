namespace Omnichannel.Bots.Knowledge;

/// <summary>One loaded version of the knowledge base: its articles (by file and by id) and the searcher built on them.</summary>
internal sealed record ServedKnowledge(
    long Version,
    IReadOnlyDictionary<string, IReadOnlyList<KnowledgeArticle>> ArticlesByFile,
    IReadOnlyDictionary<string, KnowledgeArticle> ArticlesById,
    KnowledgeSearcher Searcher);
