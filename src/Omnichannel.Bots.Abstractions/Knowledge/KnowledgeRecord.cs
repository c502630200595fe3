namespace Omnichannel.Bots.Knowledge;

/// <summary>A chunk with its dense embedding, as written to a store.</summary>
public sealed record KnowledgeRecord(KnowledgeChunk Chunk, ReadOnlyMemory<float> Embedding);
