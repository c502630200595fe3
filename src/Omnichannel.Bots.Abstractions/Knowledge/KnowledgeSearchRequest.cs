namespace Omnichannel.Bots.Knowledge;

/// <summary>One hybrid search: the question's text (lexical side) and its embedding (dense side), fused by the store.</summary>
public sealed record KnowledgeSearchRequest(string Text, ReadOnlyMemory<float> Embedding, int Top)
{
    public KnowledgeFilter Filter { get; init; } = KnowledgeFilter.None;
}
