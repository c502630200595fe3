using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Knowledge.Qdrant;

/// <summary>
/// <see cref="IKnowledgeStore"/> on Qdrant's REST API. Searches use the alias <see cref="QdrantOptions.Collection"/>;
/// it points at a physical collection <c>{Collection}-{timestamp}</c> with a named dense vector <c>dense</c> (cosine)
/// and a named sparse vector <c>lexical</c> (<see cref="LexicalAnalyzer.Default"/> term ids and frequencies, IDF
/// applied by Qdrant). <see cref="ReplaceAllAsync"/> builds a new physical collection and switches the alias in one
/// atomic call, so searches never see a half-built index. Every server failure is a
/// <see cref="KnowledgeUnavailableException"/>. Writes are serialised; searches run concurrently.
/// </summary>
public sealed class QdrantKnowledgeStore : IKnowledgeStore, IDisposable
{
    private const int ScrollPage = 256;

    private readonly QdrantRestClient _client;
    private readonly QdrantOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int? _dimensions;
    private volatile bool _exists;
    private int _nameSuffix;

    private QdrantKnowledgeStore(QdrantRestClient client, QdrantOptions options, TimeProvider time, int? dimensions)
    {
        _client = client;
        _options = options;
        _time = time;
        _dimensions = dimensions;
    }

    /// <summary>The alias searches and writes go through.</summary>
    public string Alias => _options.Collection;

    /// <summary>The dense vector size of the served collection (null until known: no embedder dimensions and nothing indexed yet).</summary>
    public int? Dimensions => _dimensions;

    /// <summary>
    /// Opens the store: finds the physical collection behind the alias and checks its dense size against
    /// <paramref name="dimensions"/> (the embedding generator's, when it reports them), or creates collection, payload
    /// indexes and alias when the alias is missing. With unknown dimensions, creation waits for the first upsert.
    /// <paramref name="http"/>'s BaseAddress is the Qdrant URL; retries and timeouts belong in its handler.
    /// </summary>
    public static async Task<QdrantKnowledgeStore> OpenAsync(HttpClient http, QdrantOptions options, int? dimensions, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (dimensions is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), "Embedding dimensions must be positive.");
        }

        var store = new QdrantKnowledgeStore(new QdrantRestClient(http, options), options, timeProvider, dimensions);
        await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_exists)
        {
            return hashes;
        }

        JsonNode? offset = null;
        do
        {
            var body = new JsonObject
            {
                ["limit"] = ScrollPage,
                ["with_payload"] = new JsonArray("chunk_id", "content_hash"),
                ["with_vector"] = false,
            };
            if (offset is not null)
            {
                body["offset"] = offset;
            }

            var result = await _client.SendAsync(HttpMethod.Post, $"collections/{Alias}/points/scroll", body, cancellationToken).ConfigureAwait(false);
            offset = Parse("points/scroll", () =>
            {
                foreach (var point in Points(result!.Value))
                {
                    var payload = point.GetProperty("payload");
                    hashes[QdrantBodies.RequiredString(payload, "chunk_id")] = QdrantBodies.RequiredString(payload, "content_hash");
                }

                return result.Value.TryGetProperty("next_page_offset", out var next) && next.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? JsonNode.Parse(next.GetRawText())
                    : null;
            });
        }
        while (offset is not null);
        return hashes;
    }

    public async Task ApplyAsync(IReadOnlyList<KnowledgeRecord> upserts, IReadOnlyCollection<string> deleteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deleteIds);
        Check(upserts, _dimensions);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_exists)
            {
                if (upserts.Count == 0)
                {
                    return;
                }

                _dimensions = upserts[0].Embedding.Length;
                await CreatePhysicalAsync(NewPhysicalName(current: null), createAlias: true, cancellationToken).ConfigureAwait(false);
            }

            var deletes = deleteIds.Except(upserts.Select(r => r.Chunk.Id), StringComparer.Ordinal).Select(QdrantPointId.For).ToList();
            if (deletes.Count > 0)
            {
                var body = new JsonObject { ["points"] = new JsonArray(deletes.Select(id => (JsonNode?)id).ToArray()) };
                await _client.SendAsync(HttpMethod.Post, $"collections/{Alias}/points/delete?wait=true", body, cancellationToken).ConfigureAwait(false);
            }

            await UpsertAsync(Alias, upserts, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task ReplaceAllAsync(IReadOnlyList<KnowledgeRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var dimensions = records.Count > 0 ? records[0].Embedding.Length : _dimensions;
        Check(records, dimensions);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (dimensions is null)
            {
                return;
            }

            var previous = _exists ? await PhysicalCollectionAsync(cancellationToken).ConfigureAwait(false) : null;
            var next = NewPhysicalName(previous);
            _dimensions = dimensions;
            await CreatePhysicalAsync(next, createAlias: false, cancellationToken).ConfigureAwait(false);
            try
            {
                await UpsertAsync(next, records, cancellationToken).ConfigureAwait(false);
                var actions = new JsonArray();
                if (previous is not null)
                {
                    actions.Add(new JsonObject { ["delete_alias"] = new JsonObject { ["alias_name"] = Alias } });
                }

                actions.Add(new JsonObject { ["create_alias"] = new JsonObject { ["collection_name"] = next, ["alias_name"] = Alias } });
                await _client.SendAsync(HttpMethod.Post, "collections/aliases", new JsonObject { ["actions"] = actions }, cancellationToken).ConfigureAwait(false);
                _exists = true;
            }
            catch
            {
                // The alias still points at the previous collection: drop the half-built one (best effort) and report the first failure.
                await TryDeleteCollectionAsync(next).ConfigureAwait(false);
                throw;
            }

            if (previous is not null)
            {
                await TryDeleteCollectionAsync(previous).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Top <= 0 || !_exists)
        {
            return [];
        }

        if (_dimensions is { } dimensions && request.Embedding.Length != dimensions)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The query embedding has {request.Embedding.Length} dimensions; the Qdrant collection '{Alias}' has {dimensions}."),
                nameof(request));
        }

        var body = QueryBody(request, Math.Max(request.Top, _options.PrefetchLimit));
        var result = await _client.SendAsync(HttpMethod.Post, $"collections/{Alias}/points/query", body, cancellationToken).ConfigureAwait(false);
        return Parse("points/query", () => Points(result!.Value)
            .Select(p => new KnowledgeHit(QdrantBodies.Chunk(p.GetProperty("payload")), p.GetProperty("score").GetDouble()))
            .ToList());
    }

    public void Dispose() => _writeLock.Dispose();

    internal static JsonObject QueryBody(KnowledgeSearchRequest request, int prefetchLimit)
    {
        var filter = QdrantBodies.Filter(request.Filter);
        var prefetch = new JsonArray(Prefetch(QdrantBodies.Floats(request.Embedding.Span), QdrantBodies.DenseVector, prefetchLimit, filter));
        var terms = LexicalAnalyzer.Default.Analyze(request.Text);
        if (terms.Count > 0)
        {
            prefetch.Add(Prefetch(QdrantBodies.Sparse(terms), QdrantBodies.SparseVector, prefetchLimit, filter));
        }

        var body = new JsonObject
        {
            ["prefetch"] = prefetch,
            ["query"] = new JsonObject { ["fusion"] = "rrf" },
            ["limit"] = request.Top,
            ["with_payload"] = true,
        };
        if (filter is not null)
        {
            body["filter"] = filter.DeepClone();
        }

        return body;
    }

    private static JsonObject Prefetch(JsonNode query, string vector, int limit, JsonObject? filter)
    {
        var prefetch = new JsonObject { ["query"] = query, ["using"] = vector, ["limit"] = limit };
        if (filter is not null)
        {
            prefetch["filter"] = filter.DeepClone();
        }

        return prefetch;
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var physical = await PhysicalCollectionAsync(cancellationToken).ConfigureAwait(false);
        if (physical is null)
        {
            if (_dimensions is not null)
            {
                await CreatePhysicalAsync(NewPhysicalName(current: null), createAlias: true, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var info = await _client.SendAsync(HttpMethod.Get, $"collections/{physical}", null, cancellationToken).ConfigureAwait(false);
        var size = Parse($"collections/{physical}", () => info!.Value.GetProperty("config").GetProperty("params").GetProperty("vectors").TryGetProperty(QdrantBodies.DenseVector, out var dense)
            ? dense.GetProperty("size").GetInt32()
            : throw new KnowledgeUnavailableException(
                $"Qdrant collection '{physical}' (alias '{Alias}', Knowledge:Qdrant:Collection) has no dense vector named '{QdrantBodies.DenseVector}': it was not created by this store. Point Knowledge:Qdrant:Collection at a new name, or delete the alias, and restart to re-index."));
        if (_dimensions is { } expected && size != expected)
        {
            throw new KnowledgeUnavailableException(string.Create(CultureInfo.InvariantCulture,
                $"Qdrant collection '{physical}' (alias '{Alias}', Knowledge:Qdrant:Collection) stores {size}-dimension vectors but the embedding generator produces {expected}. Re-index: delete the alias '{Alias}' (or set Knowledge:Qdrant:Collection to a new name) and restart; the store creates a new collection and indexes every knowledge file."));
        }

        _dimensions = size;
        _exists = true;
    }

    /// <summary>The collection the alias points at, or null when there is no such alias.</summary>
    private async Task<string?> PhysicalCollectionAsync(CancellationToken cancellationToken)
    {
        var result = await _client.SendAsync(HttpMethod.Get, "aliases", null, cancellationToken).ConfigureAwait(false);
        return Parse("aliases", () => result!.Value.GetProperty("aliases").EnumerateArray()
            .Where(a => a.GetProperty("alias_name").GetString() == Alias)
            .Select(a => a.GetProperty("collection_name").GetString())
            .FirstOrDefault());
    }

    private async Task CreatePhysicalAsync(string name, bool createAlias, CancellationToken cancellationToken)
    {
        await _client.SendAsync(HttpMethod.Put, $"collections/{name}", QdrantBodies.CreateCollection(_dimensions!.Value), cancellationToken).ConfigureAwait(false);
        foreach (var field in QdrantBodies.IndexedFields)
        {
            await _client.SendAsync(HttpMethod.Put, $"collections/{name}/index?wait=true", QdrantBodies.KeywordIndex(field), cancellationToken).ConfigureAwait(false);
        }

        if (createAlias)
        {
            var actions = new JsonArray(new JsonObject { ["create_alias"] = new JsonObject { ["collection_name"] = name, ["alias_name"] = Alias } });
            await _client.SendAsync(HttpMethod.Post, "collections/aliases", new JsonObject { ["actions"] = actions }, cancellationToken).ConfigureAwait(false);
            _exists = true;
        }
    }

    private async Task UpsertAsync(string collection, IReadOnlyList<KnowledgeRecord> records, CancellationToken cancellationToken)
    {
        for (var start = 0; start < records.Count; start += _options.BatchSize)
        {
            var points = new JsonArray();
            foreach (var record in records.Skip(start).Take(_options.BatchSize))
            {
                points.Add(QdrantBodies.Point(record));
            }

            await _client.SendAsync(HttpMethod.Put, $"collections/{collection}/points?wait=true", new JsonObject { ["points"] = points }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TryDeleteCollectionAsync(string name)
    {
        try
        {
            await _client.SendAsync(HttpMethod.Delete, $"collections/{name}", null, CancellationToken.None, notFoundIsNull: true).ConfigureAwait(false);
        }
        catch (KnowledgeUnavailableException)
        {
            // Left behind on the server; it is not served (no alias points at it) and a later re-index does not reuse its name.
        }
    }

    /// <summary><c>{alias}-{yyyyMMddHHmmssfff}</c>, with <c>-{n}</c> added when the clock has not moved on since the last name.</summary>
    private string NewPhysicalName(string? current)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{Alias}-{_time.GetUtcNow():yyyyMMddHHmmssfff}");
        if (current is not null && (name == current || current.StartsWith(name + "-", StringComparison.Ordinal)))
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{name}-{Interlocked.Increment(ref _nameSuffix)}");
        }

        return name;
    }

    private static void Check(IReadOnlyList<KnowledgeRecord> records, int? dimensions)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record);
            if (!ids.Add(record.Chunk.Id))
            {
                throw new ArgumentException($"Chunk id '{record.Chunk.Id}' appears twice in one change.", nameof(records));
            }

            dimensions ??= record.Embedding.Length;
            if (record.Embedding.Length != dimensions || dimensions == 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Chunk '{record.Chunk.Id}' has a {record.Embedding.Length}-dimension embedding; the Qdrant collection has {dimensions} (an embedding model change needs ReplaceAllAsync)."),
                    nameof(records));
            }
        }
    }

    private static JsonElement.ArrayEnumerator Points(JsonElement result) => result.GetProperty("points").EnumerateArray();

    private T Parse<T>(string operation, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new KnowledgeUnavailableException(
                $"Qdrant at {_client.Endpoint} answered /{operation} with JSON that does not have the documented shape: {exception.Message}", exception);
        }
    }
}
