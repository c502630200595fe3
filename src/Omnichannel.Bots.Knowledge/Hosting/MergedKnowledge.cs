namespace Omnichannel.Bots.Knowledge;

/// <summary>The articles to serve, by file, and what an editor should know about the choice.</summary>
internal sealed record MergedKnowledge(
    IReadOnlyDictionary<string, IReadOnlyList<KnowledgeArticle>> ArticlesByFile,
    IReadOnlyList<string> ServedFromLastGood,
    IReadOnlyList<string> Notes)
{
    public IReadOnlyList<KnowledgeArticle> Articles { get; } = [.. ArticlesByFile.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value)];
}
