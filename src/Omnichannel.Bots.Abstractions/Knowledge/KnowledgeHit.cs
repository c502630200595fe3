namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// One search result. <see cref="Score"/> is the store's fused score (higher is better; comparable only within one
/// search); the dense (cosine) and lexical (BM25) parts are given when the store knows them.
/// </summary>
public sealed record KnowledgeHit(KnowledgeChunk Chunk, double Score)
{
    public double? DenseScore { get; init; }

    public double? LexicalScore { get; init; }
}
