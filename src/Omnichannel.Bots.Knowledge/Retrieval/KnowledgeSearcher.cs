using Microsoft.Extensions.AI;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The ranking brain above an <see cref="IKnowledgeStore"/>: ranks whole articles for a question (TF-IDF word and
/// character centroids, a dense centroid, the nearest of the article's texts, dense and lexical, and the probability
/// under a linear classifier trained on the example questions at calibration, with fusion weights
/// learned per base; see <see cref="KnowledgeFusionWeights"/>), turns the scores into a calibrated confidence per article and decides
/// answer / clarify / decline. The store supplies the matching chunks (<see cref="ArticleMatch.Hits"/>) and applies the
/// same filter. Immutable and thread-safe: a knowledge change builds a new searcher and swaps it in.
/// <para>Two build paths: <see cref="BuildAsync"/> without <see cref="KnowledgeSearchOptions.Calibration"/> calibrates
/// by cross-validation (BANKING77 full, 10k questions: about a second); with a previous calibration it only builds the
/// article index (milliseconds), and <see cref="CalibrateAsync"/> can refresh the calibration in the background.</para>
/// </summary>
public sealed class KnowledgeSearcher
{
    private readonly KnowledgeArticle[] _articles;
    private readonly List<ArticleMember> _members;
    private readonly ArticleModel _model;
    private readonly IKnowledgeStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly KnowledgeSearchOptions _options;
    private readonly int[]? _articleOfClass;

    private KnowledgeSearcher(KnowledgeArticle[] articles, List<ArticleMember> members, IKnowledgeStore store, IEmbeddingGenerator<string, Embedding<float>> embedder, KnowledgeSearchOptions options, KnowledgeCalibration calibration)
    {
        _articles = articles;
        _members = members;
        _model = ArticleModel.Build(articles.Length, members);
        _store = store;
        _embedder = embedder;
        _options = options;
        Calibration = calibration;
        _articleOfClass = calibration.Classifier?.Bind(articles.Select(a => a.Id).ToArray());
    }

    /// <summary>The calibrated confidence threshold of this knowledge base (0..1).</summary>
    public double Threshold => Calibration.Threshold;

    public KnowledgeCalibration Calibration { get; }

    public IReadOnlyList<KnowledgeArticle> Articles => _articles;

    /// <summary>
    /// Builds the searcher for <paramref name="articles"/>; the store must already hold their chunks. Embeddings of the
    /// articles' texts come from the store when it is an <see cref="EmbeddedKnowledgeStore"/>, else from the embedder.
    /// </summary>
    public static async Task<KnowledgeSearcher> BuildAsync(
        IReadOnlyList<KnowledgeArticle> articles,
        IKnowledgeStore store,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        KnowledgeSearchOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(options);
        var members = await MembersAsync(articles, store, embedder, cancellationToken).ConfigureAwait(false);
        var array = articles.ToArray();
        var calibration = options.Calibration ?? Calibrator.Calibrate(array.Select(a => a.Id).ToArray(), members, options, cancellationToken);
        return new KnowledgeSearcher(array, members, store, embedder, options, calibration);
    }

    /// <summary>Calibrates this knowledge base by cross-validation over its example questions (CPU-bound; run it off the request path).</summary>
    public Task<KnowledgeCalibration> CalibrateAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Calibrator.Calibrate(_articles.Select(a => a.Id).ToArray(), _members, _options, cancellationToken), cancellationToken);

    /// <summary>The same articles and index with another calibration (to swap in the result of <see cref="CalibrateAsync"/>).</summary>
    public KnowledgeSearcher WithCalibration(KnowledgeCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return new KnowledgeSearcher(_articles, _members, _store, _embedder, _options, calibration);
    }

    public async Task<KnowledgeAnswer> AskAsync(string question, KnowledgeFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(filter);
        var embedding = (await _embedder.GenerateAsync([question], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector.ToArray();
        ArticleModel.Normalize(embedding);
        var terms = LexicalAnalyzer.Default.Analyze(question);
        bool[]? allowed = null;
        if (!ChunkFilter.IsEmpty(filter))
        {
            allowed = _articles.Select(a => ChunkFilter.Matches(filter, a.Locale, a.Tags, a.Channels)).ToArray();
        }

        var total = _model.Score(terms, embedding, Calibration.Weights, allowed, Calibration.Classifier, _articleOfClass).Total;
        var ranked = Enumerable.Range(0, total.Length)
            .Where(a => !float.IsNegativeInfinity(total[a]) && total[a] > 0)
            .OrderByDescending(a => total[a])
            .ThenBy(a => a)
            .Take(Math.Max(_options.MaxMatches, 3))
            .ToArray();
        if (ranked.Length == 0)
        {
            return new KnowledgeAnswer(question, KnowledgeDecision.Decline, [], Threshold);
        }

        var hits = await _store.SearchAsync(new KnowledgeSearchRequest(question, embedding, _options.StoreHits) { Filter = filter }, cancellationToken).ConfigureAwait(false);
        var byArticle = hits.GroupBy(h => h.Chunk.ArticleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<KnowledgeHit>)g.ToArray(), StringComparer.Ordinal);
        double Score(int rank) => rank < ranked.Length ? total[ranked[rank]] : 0;
        var matches = new List<ArticleMatch>(ranked.Length);
        for (var r = 0; r < ranked.Length && r < _options.MaxMatches; r++)
        {
            var best = r == 0 ? Score(1) : Score(0);
            var article = _articles[ranked[r]];
            matches.Add(new ArticleMatch(article, Calibration.Confidence(Score(r), Score(r) - best), byArticle.GetValueOrDefault(article.Id, [])));
        }

        var confidence = Calibration.Confidence(Score(0), Score(0) - Score(1));
        var pair = ranked.Length > 1 ? Calibration.Confidence(Score(1), Score(1) - Score(2)) : 0;
        var decision = ranked.Length > 1 && Calibrator.RelativeMargin(Score(0), Score(1)) <= Calibration.ClarifyMargin && pair >= Threshold
            ? KnowledgeDecision.Clarify
            : confidence >= Threshold ? KnowledgeDecision.Answer : KnowledgeDecision.Decline;
        return new KnowledgeAnswer(question, decision, matches, Threshold);
    }

    /// <summary>The per-article features of a question (for tuning the weights offline).</summary>
    internal async Task<ArticleScores> FeaturesAsync(string question, CancellationToken cancellationToken)
    {
        var embedding = (await _embedder.GenerateAsync([question], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector.ToArray();
        ArticleModel.Normalize(embedding);
        return _model.Score(LexicalAnalyzer.Default.Analyze(question), embedding, Calibration.Weights, null, Calibration.Classifier, _articleOfClass);
    }

    /// <summary>
    /// The texts that stand for each article: its title, its passages and its example questions. With an
    /// <see cref="EmbeddedKnowledgeStore"/> the chunks' vectors and analysed terms are taken from the store (no
    /// re-chunking, re-embedding or re-analysis: this is what keeps a rebuild fast); otherwise the articles are chunked
    /// and embedded here. Titles are always embedded here (one short text per article).
    /// </summary>
    private static async Task<List<ArticleMember>> MembersAsync(IReadOnlyList<KnowledgeArticle> articles, IKnowledgeStore store, IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        for (var a = 0; a < articles.Count; a++)
        {
            index.TryAdd(articles[a].Id, a);
        }

        var analyzer = LexicalAnalyzer.Default;
        var members = new List<ArticleMember>();
        var covered = new bool[articles.Count];
        if (store is EmbeddedKnowledgeStore embedded)
        {
            foreach (var chunk in embedded.Snapshot())
            {
                if (index.TryGetValue(chunk.Chunk.ArticleId, out var a))
                {
                    covered[a] = true;
                    members.Add(new ArticleMember(a, chunk.Chunk.Text, chunk.Vector, chunk.Terms, chunk.Chunk.Kind == KnowledgeChunkKind.Question));
                }
            }
        }

        var pending = new List<(int Article, string Text, bool IsQuestion)>();
        for (var a = 0; a < articles.Count; a++)
        {
            pending.Add((a, articles[a].Title, false));
            if (!covered[a])
            {
                pending.AddRange(KnowledgeChunker.Chunk(articles[a], string.Empty).Select(c => (a, c.Kind == KnowledgeChunkKind.Passage ? EmbeddedKnowledgeStore.SearchText(c) : c.Text, c.Kind == KnowledgeChunkKind.Question)));
            }
        }

        const int batch = 256;
        for (var start = 0; start < pending.Count; start += batch)
        {
            var slice = pending.GetRange(start, Math.Min(batch, pending.Count - start));
            var generated = await embedder.GenerateAsync(slice.Select(p => p.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < slice.Count; j++)
            {
                var vector = generated[j].Vector.ToArray();
                ArticleModel.Normalize(vector);
                members.Add(new ArticleMember(slice[j].Article, slice[j].Text, vector, analyzer.Analyze(slice[j].Text), slice[j].IsQuestion));
            }
        }

        var dimensions = members.Count == 0 ? 0 : members[0].Vector.Length;
        if (members.Any(m => m.Vector.Length != dimensions))
        {
            var sizes = string.Join(", ", members.Select(m => m.Vector.Length).Distinct().Order());
            throw new InvalidOperationException(
                $"Embeddings of different sizes ({sizes}): the store was indexed with another embedding model than this embedder's; re-index it (ReplaceAllAsync).");
        }

        return members;
    }
}
