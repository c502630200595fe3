using System.Numerics.Tensors;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The default <see cref="IKnowledgeStore"/>: persisted in its own SQLite file (chunk payload, content hash and
/// embedding per row) and loaded into memory when opened, so a restart never re-embeds. Searches are exact: cosine over
/// one contiguous float array with <see cref="TensorPrimitives"/>, BM25 over <see cref="LexicalAnalyzer"/> terms, the
/// two fused by reciprocal rank. Every change is one SQLite transaction, then the in-memory index is swapped in whole
/// (copy-on-write), so concurrent searches see the old or the new version, never a mix. Thread-safe.
/// </summary>
public sealed class EmbeddedKnowledgeStore : IKnowledgeStore, IDisposable
{
    /// <summary>The file name <see cref="OpenAsync(string, CancellationToken)"/> uses inside a data directory.</summary>
    public const string FileName = "knowledge.db";

    private readonly KnowledgeStoreDatabase? _database;
    private readonly LexicalAnalyzer _analyzer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile StoreSnapshot _snapshot = StoreSnapshot.Empty;

    private EmbeddedKnowledgeStore(KnowledgeStoreDatabase? database, LexicalAnalyzer analyzer)
    {
        _database = database;
        _analyzer = analyzer;
    }

    /// <summary>The SQLite file, or null for an in-memory store.</summary>
    public string? DatabasePath => _database?.Path;

    /// <summary>Chunks in the version now served.</summary>
    public int Count => _snapshot.Chunks.Length;

    /// <summary>Embedding dimensions of the index (0 while empty).</summary>
    public int Dimensions => _snapshot.Dimensions;

    /// <summary>Opens (or creates) <c>knowledge.db</c> in <paramref name="dataDirectory"/> and loads it into memory.</summary>
    public static Task<EmbeddedKnowledgeStore> OpenAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        OwnerOnlyFiles.CreateDirectory(dataDirectory);
        return OpenFileAsync(Path.Combine(dataDirectory, FileName), cancellationToken);
    }

    /// <summary>Opens (or creates) the given SQLite file and loads it into memory.</summary>
    public static async Task<EmbeddedKnowledgeStore> OpenFileAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = Path.GetFullPath(databasePath);
        OwnerOnlyFiles.EnsureFile(fullPath);
        var database = new KnowledgeStoreDatabase(fullPath);
        var records = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var store = new EmbeddedKnowledgeStore(database, LexicalAnalyzer.Default);
        store._snapshot = StoreSnapshot.Build(store.Index(records, expectedDimensions: null));
        return store;
    }

    /// <summary>A store that lives only in memory (tests, benchmarks, one-off evaluations).</summary>
    public static EmbeddedKnowledgeStore CreateInMemory() => new(null, LexicalAnalyzer.Default);

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var chunks = _snapshot.Chunks;
        IReadOnlyDictionary<string, string> hashes = chunks.ToDictionary(c => c.Chunk.Id, c => c.Chunk.ContentHash, StringComparer.Ordinal);
        return Task.FromResult(hashes);
    }

    public async Task ApplyAsync(IReadOnlyList<KnowledgeRecord> upserts, IReadOnlyCollection<string> deleteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deleteIds);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _snapshot;
            var dimensions = current.Chunks.Length > 0 ? current.Dimensions : (int?)null;
            var upsertIds = upserts.Select(r => r.Chunk.Id).ToHashSet(StringComparer.Ordinal);
            var remaining = current.Chunks.Count(c => !deleteIds.Contains(c.Chunk.Id) && !upsertIds.Contains(c.Chunk.Id));
            if (remaining == 0)
            {
                dimensions = null;
            }

            var indexed = Index(upserts, dimensions);
            if (_database is not null)
            {
                await _database.WriteAsync(upserts, deleteIds, deleteAll: false, cancellationToken).ConfigureAwait(false);
            }

            var replaced = new HashSet<string>(deleteIds, StringComparer.Ordinal);
            foreach (var record in upserts)
            {
                replaced.Add(record.Chunk.Id);
            }

            var next = new List<IndexedChunk>(current.Chunks.Length + indexed.Count);
            next.AddRange(current.Chunks.Where(c => !replaced.Contains(c.Chunk.Id)));
            next.AddRange(indexed);
            _snapshot = StoreSnapshot.Build(next);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task ReplaceAllAsync(IReadOnlyList<KnowledgeRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var indexed = Index(records, expectedDimensions: null);
            if (_database is not null)
            {
                await _database.WriteAsync(records, [], deleteAll: true, cancellationToken).ConfigureAwait(false);
            }

            _snapshot = StoreSnapshot.Build(indexed);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = _snapshot;
        return Task.FromResult(snapshot.Search(request, _analyzer.Analyze(request.Text)));
    }

    /// <summary>The stored (normalised) embedding of a chunk in the version now served, so callers need not re-embed.</summary>
    public bool TryGetEmbedding(string chunkId, out ReadOnlyMemory<float> embedding)
    {
        ArgumentNullException.ThrowIfNull(chunkId);
        var snapshot = _snapshot;
        if (snapshot.ById.TryGetValue(chunkId, out var index))
        {
            embedding = snapshot.Chunks[index].Vector;
            return true;
        }

        embedding = default;
        return false;
    }

    public void Dispose() => _writeLock.Dispose();

    /// <summary>The chunks of the version now served, with their normalised vectors and analysed terms (shared, read-only).</summary>
    internal IReadOnlyList<IndexedChunk> Snapshot() => _snapshot.Chunks;

    private List<IndexedChunk> Index(IReadOnlyList<KnowledgeRecord> records, int? expectedDimensions)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var indexed = new List<IndexedChunk>(records.Count);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            if (!ids.Add(record.Chunk.Id))
            {
                throw new ArgumentException($"Chunk id '{record.Chunk.Id}' appears twice in one change.", nameof(records));
            }

            expectedDimensions ??= record.Embedding.Length;
            if (record.Embedding.Length != expectedDimensions)
            {
                throw new ArgumentException(
                    $"Chunk '{record.Chunk.Id}' has a {record.Embedding.Length}-dimension embedding; the index has {expectedDimensions} (an embedding model change needs ReplaceAllAsync).",
                    nameof(records));
            }

            var vector = record.Embedding.ToArray();
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            indexed.Add(new IndexedChunk(record.Chunk, vector, _analyzer.Analyze(SearchText(record.Chunk))));
        }

        return indexed;
    }

    /// <summary>What the lexical side indexes for a chunk: its text, plus the title and heading for passages.</summary>
    internal static string SearchText(KnowledgeChunk chunk) => chunk.Kind == KnowledgeChunkKind.Passage
        ? string.Join(' ', chunk.Title, chunk.Heading ?? string.Empty, chunk.Text)
        : chunk.Text;
}
