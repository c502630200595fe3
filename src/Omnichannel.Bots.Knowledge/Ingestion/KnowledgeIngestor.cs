using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Brings a store in line with a set of articles: chunks them, embeds only the chunks whose content hash the store
/// does not have yet (new or changed text, or another embedding model), and removes chunks that disappeared — in one
/// <see cref="IKnowledgeStore.ApplyAsync"/> call, so searches see the old or the new content, never a mix. When nothing
/// indexed can be kept (a new embedding model), it rebuilds the whole index with <see cref="IKnowledgeStore.ReplaceAllAsync"/>.
/// </summary>
public sealed class KnowledgeIngestor
{
    /// <summary>Texts per embedding call (remote generators take batches; the bundled one does not care).</summary>
    public const int EmbeddingBatchSize = 128;

    private readonly IKnowledgeStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;

    public KnowledgeIngestor(IKnowledgeStore store, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        _store = store;
        _embedder = embedder;
        ModelId = EmbeddingModelId(embedder);
    }

    /// <summary>The embedding model's identity as it goes into content hashes (provider, model, dimensions).</summary>
    public string ModelId { get; }

    /// <summary>Provider, model id and dimensions of a generator, from its <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public static string EmbeddingModelId(IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
        return $"{metadata?.ProviderName ?? embedder.GetType().Name}/{metadata?.DefaultModelId ?? "default"}/{metadata?.DefaultModelDimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
    }

    /// <summary>Every chunk of the articles, as <see cref="KnowledgeChunker"/> cuts them for this embedding model.</summary>
    public IReadOnlyList<KnowledgeChunk> Chunk(IReadOnlyList<KnowledgeArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return [.. articles.SelectMany(a => KnowledgeChunker.Chunk(a, ModelId))];
    }

    public async Task<IngestionResult> IngestAsync(IReadOnlyList<KnowledgeArticle> articles, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var chunks = Chunk(articles);
        var duplicate = chunks.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two chunks share the id '{duplicate.Key}': article ids must be unique.", nameof(articles));
        }

        var indexed = await _store.GetContentHashesAsync(cancellationToken).ConfigureAwait(false);
        var changed = chunks.Where(c => !indexed.TryGetValue(c.Id, out var hash) || !string.Equals(hash, c.ContentHash, StringComparison.Ordinal)).ToList();
        var wanted = chunks.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var deletes = indexed.Keys.Where(id => !wanted.Contains(id)).ToList();

        var records = new List<KnowledgeRecord>(changed.Count);
        foreach (var batch in changed.Chunk(EmbeddingBatchSize))
        {
            var embeddings = await _embedder.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Length)
            {
                throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {batch.Length} texts.");
            }

            records.AddRange(batch.Select((chunk, i) => new KnowledgeRecord(chunk, embeddings[i].Vector)));
        }

        if (indexed.Count > 0 && records.Count == chunks.Count && records.Count > 0)
        {
            // Nothing indexed can be kept (another embedding model, or all new content): rebuild the index atomically,
            // so searches go on against the old one until the new one is complete (Qdrant: a new collection and an alias switch).
            await _store.ReplaceAllAsync(records, cancellationToken).ConfigureAwait(false);
        }
        else if (records.Count > 0 || deletes.Count > 0)
        {
            await _store.ApplyAsync(records, deletes, cancellationToken).ConfigureAwait(false);
        }

        return new IngestionResult(chunks.Count, records.Count, chunks.Count - records.Count, deletes.Count, Stopwatch.GetElapsedTime(started));
    }
}
