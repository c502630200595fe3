namespace Omnichannel.Bots.Knowledge;

/// <summary>What one ingestion did: chunks in the articles, how many were embedded (new or changed), kept and removed.</summary>
public sealed record IngestionResult(int Chunks, int Embedded, int Unchanged, int Deleted, TimeSpan Elapsed);
