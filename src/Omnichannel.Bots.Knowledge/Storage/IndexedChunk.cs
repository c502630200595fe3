namespace Omnichannel.Bots.Knowledge;

/// <summary>A chunk as held in memory: its payload, its normalised embedding and its analysed terms.</summary>
internal sealed record IndexedChunk(KnowledgeChunk Chunk, float[] Vector, LexicalTerms Terms);
