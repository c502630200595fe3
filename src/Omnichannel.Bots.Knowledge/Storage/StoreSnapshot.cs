using System.Numerics.Tensors;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// One immutable version of the embedded index: chunks, their normalised vectors in one contiguous array, and a BM25
/// inverted index over their lexical terms. Searches run lock-free on a snapshot; a change builds a new one.
/// </summary>
internal sealed class StoreSnapshot
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private const int RrfK = 60;

    private readonly Dictionary<uint, (int[] Docs, float[] Tfs, float Idf)> _postings;
    private readonly float[] _lengthNorm;

    private StoreSnapshot(IndexedChunk[] chunks, float[] vectors, int dimensions, Dictionary<uint, (int[] Docs, float[] Tfs, float Idf)> postings, float[] lengthNorm)
    {
        Chunks = chunks;
        Vectors = vectors;
        Dimensions = dimensions;
        _postings = postings;
        _lengthNorm = lengthNorm;
        ById = new Dictionary<string, int>(chunks.Length, StringComparer.Ordinal);
        for (var i = 0; i < chunks.Length; i++)
        {
            ById[chunks[i].Chunk.Id] = i;
        }
    }

    public static StoreSnapshot Empty { get; } = Build([]);

    public IndexedChunk[] Chunks { get; }

    public float[] Vectors { get; }

    public int Dimensions { get; }

    public Dictionary<string, int> ById { get; }

    /// <summary>Kind weights of the lexical score: words count fully, bigrams half, character n-grams a tenth.</summary>
    public static float KindWeight(LexicalTermKind kind) => kind switch
    {
        LexicalTermKind.Word => 1f,
        LexicalTermKind.Bigram => 0.5f,
        _ => 0.1f,
    };

    public static StoreSnapshot Build(IReadOnlyList<IndexedChunk> source)
    {
        var chunks = source.ToArray();
        var dimensions = chunks.Length == 0 ? 0 : chunks[0].Vector.Length;
        var vectors = new float[chunks.Length * dimensions];
        var lengths = new float[chunks.Length];
        var postingLists = new Dictionary<uint, List<(int Doc, float Tf)>>();
        for (var i = 0; i < chunks.Length; i++)
        {
            chunks[i].Vector.AsSpan().CopyTo(vectors.AsSpan(i * dimensions, dimensions));
            lengths[i] = Math.Max(1, chunks[i].Terms.WordCount);
            var terms = chunks[i].Terms;
            for (var t = 0; t < terms.Count; t++)
            {
                if (!postingLists.TryGetValue(terms.Ids[t], out var list))
                {
                    postingLists[terms.Ids[t]] = list = [];
                }

                list.Add((i, terms.Frequencies[t] * KindWeight(terms.Kinds[t])));
            }
        }

        var average = chunks.Length == 0 ? 1f : lengths.Average();
        var lengthNorm = new float[chunks.Length];
        for (var i = 0; i < chunks.Length; i++)
        {
            lengthNorm[i] = K1 * (1 - B + (B * lengths[i] / average));
        }

        var postings = new Dictionary<uint, (int[], float[], float)>(postingLists.Count);
        foreach (var (id, list) in postingLists)
        {
            var idf = (float)Math.Log(1 + ((chunks.Length - list.Count + 0.5) / (list.Count + 0.5)));
            postings[id] = (list.Select(p => p.Doc).ToArray(), list.Select(p => p.Tf).ToArray(), idf);
        }

        return new StoreSnapshot(chunks, vectors, dimensions, postings, lengthNorm);
    }

    public IReadOnlyList<KnowledgeHit> Search(KnowledgeSearchRequest request, LexicalTerms queryTerms)
    {
        var n = Chunks.Length;
        if (n == 0 || request.Top <= 0)
        {
            return [];
        }

        bool[]? allowed = null;
        if (!ChunkFilter.IsEmpty(request.Filter))
        {
            allowed = new bool[n];
            for (var i = 0; i < n; i++)
            {
                var chunk = Chunks[i].Chunk;
                allowed[i] = ChunkFilter.Matches(request.Filter, chunk.Locale, chunk.Tags, chunk.Channels);
            }
        }

        var candidates = Math.Max(request.Top * 4, 50);
        var dense = DenseScores(request.Embedding.Span);
        var lexical = LexicalScores(queryTerms);
        Func<int, bool>? include = allowed is null ? null : i => allowed[i];
        var denseTop = dense is null ? [] : TopK.Select(dense, candidates, include);
        var lexicalTop = TopK.Select(lexical, candidates, i => lexical[i] > 0 && (allowed is null || allowed[i]));

        var fused = new Dictionary<int, double>();
        for (var r = 0; r < denseTop.Length; r++)
        {
            fused[denseTop[r]] = 1.0 / (RrfK + r + 1);
        }

        for (var r = 0; r < lexicalTop.Length; r++)
        {
            fused[lexicalTop[r]] = fused.GetValueOrDefault(lexicalTop[r]) + (1.0 / (RrfK + r + 1));
        }

        return fused
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Take(request.Top)
            .Select(p => new KnowledgeHit(Chunks[p.Key].Chunk, p.Value)
            {
                DenseScore = dense is null ? null : dense[p.Key],
                LexicalScore = lexical[p.Key],
            })
            .ToArray();
    }

    /// <summary>Cosine of the (normalised) query with every chunk, or null when the query or the index has no vectors.</summary>
    public float[]? DenseScores(ReadOnlySpan<float> embedding)
    {
        if (Dimensions == 0 || embedding.Length != Dimensions)
        {
            return null;
        }

        var query = new float[Dimensions];
        embedding.CopyTo(query);
        var norm = TensorPrimitives.Norm(query);
        if (norm == 0)
        {
            return null;
        }

        TensorPrimitives.Divide(query, norm, query);
        var scores = new float[Chunks.Length];
        var all = Vectors.AsSpan();
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(all.Slice(i * Dimensions, Dimensions), query);
        }

        return scores;
    }

    /// <summary>BM25 of the query's terms against every chunk (0 for chunks sharing no term).</summary>
    public float[] LexicalScores(LexicalTerms query)
    {
        var scores = new float[Chunks.Length];
        for (var t = 0; t < query.Count; t++)
        {
            if (!_postings.TryGetValue(query.Ids[t], out var posting))
            {
                continue;
            }

            var weight = posting.Idf * KindWeight(query.Kinds[t]);
            var docs = posting.Docs;
            var tfs = posting.Tfs;
            for (var p = 0; p < docs.Length; p++)
            {
                var tf = tfs[p];
                scores[docs[p]] += weight * (tf * (K1 + 1) / (tf + _lengthNorm[docs[p]]));
            }
        }

        return scores;
    }
}
