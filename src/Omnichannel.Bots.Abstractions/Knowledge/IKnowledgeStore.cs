namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Where knowledge chunks are indexed and searched (the embedded store by default, Qdrant in production). A store
/// indexes and runs one hybrid search (dense + lexical + filters); answers are composed above it, never by the store.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>The content hash of every indexed chunk, by chunk id, so ingestion re-embeds only what changed.</summary>
    Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces chunks (by id) and removes the chunks named in <paramref name="deleteIds"/>, as one change.</summary>
    Task ApplyAsync(IReadOnlyList<KnowledgeRecord> upserts, IReadOnlyCollection<string> deleteIds, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the whole index with <paramref name="records"/>. Atomic: a search running meanwhile sees either the
    /// old index or the new one, never a half-built one.
    /// </summary>
    Task ReplaceAllAsync(IReadOnlyList<KnowledgeRecord> records, CancellationToken cancellationToken);

    /// <summary>The best <see cref="KnowledgeSearchRequest.Top"/> chunks passing the filter, best first.</summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellationToken);
}
