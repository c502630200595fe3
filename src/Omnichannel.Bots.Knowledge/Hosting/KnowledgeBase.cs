using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The knowledge base the bot answers from: reads the folder, keeps serving the last good version of a file an
/// editor broke, embeds only what changed, builds the searcher, and swaps the new version in atomically (a question
/// is answered by one version, never a mix). <see cref="ReloadAsync"/> runs at start and after every change.
/// </summary>
public sealed partial class KnowledgeBase : IKnowledgeBase, IDisposable
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<KnowledgeArticle>> NoArticles = new Dictionary<string, IReadOnlyList<KnowledgeArticle>>();

    private readonly KnowledgeFolderReader _reader;
    private readonly IKnowledgeStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly KnowledgeIngestor _ingestor;
    private readonly KnowledgeSearchOptions _searchOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ServedKnowledge? _served;
    private volatile KnowledgeStatus _status;

    public KnowledgeBase(
        string folder,
        KnowledgeFolderReader reader,
        IKnowledgeStore store,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        KnowledgeSearchOptions searchOptions,
        TimeProvider time,
        ILogger<KnowledgeBase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(searchOptions);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Folder = Path.GetFullPath(folder);
        _reader = reader;
        _store = store;
        _embedder = embedder;
        _ingestor = new KnowledgeIngestor(store, embedder);
        _searchOptions = searchOptions;
        _time = time;
        _logger = logger;
        _status = new KnowledgeStatus { Version = 0, Folder = Folder };
    }

    /// <summary>The knowledge folder (absolute).</summary>
    public string Folder { get; }

    public KnowledgeStatus Status => _status;

    /// <summary>Completes when the first load has finished (whether or not it succeeded).</summary>
    public Task FirstLoad => _firstLoad.Task;

    public async Task<KnowledgeAnswer> AskAsync(string question, KnowledgeFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(filter);
        await _firstLoad.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var served = _served ?? throw new KnowledgeUnavailableException($"The knowledge base has not loaded: {_status.ReloadError ?? "no version yet"}");
        return await served.Searcher.AskAsync(question, filter, cancellationToken).ConfigureAwait(false);
    }

    public KnowledgeArticle? FindArticle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _served?.ArticlesById.GetValueOrDefault(id);
    }

    /// <summary>
    /// Reads the folder and serves what it holds now. Never throws for bad content or a failing store or embedding
    /// service: the problem goes into <see cref="Status"/> and the log, and the previous version keeps serving.
    /// </summary>
    public async Task<KnowledgeStatus> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var previous = _served;
            List<string> problems = [];
            try
            {
                var snapshot = await _reader.ReadAsync(Folder, cancellationToken).ConfigureAwait(false);
                var merged = LastGoodMerge.Merge(snapshot.Files, previous?.ArticlesByFile ?? NoArticles);
                problems = [.. snapshot.Diagnostics.Select(d => d.ToString()), .. merged.Notes];
                var ingestion = await _ingestor.IngestAsync(merged.Articles, cancellationToken).ConfigureAwait(false);
                var searcher = await KnowledgeSearcher.BuildAsync(merged.Articles, _store, _embedder, _searchOptions, cancellationToken).ConfigureAwait(false);
                var version = (previous?.Version ?? 0) + 1;
                _served = new ServedKnowledge(
                    version,
                    merged.ArticlesByFile,
                    merged.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal),
                    searcher);
                var elapsed = Stopwatch.GetElapsedTime(started);
                _status = new KnowledgeStatus
                {
                    Version = version,
                    Folder = Folder,
                    Articles = merged.Articles.Count,
                    Files = snapshot.Files.Count,
                    Chunks = ingestion.Chunks,
                    LoadedAt = _time.GetUtcNow(),
                    LastReloadMilliseconds = Math.Round(elapsed.TotalMilliseconds, 1),
                    Threshold = searcher.Threshold,
                    Problems = problems,
                    ServedFromLastGood = merged.ServedFromLastGood,
                };
                LogLoaded(version, merged.Articles.Count, ingestion.Embedded, ingestion.Deleted, elapsed.TotalMilliseconds, problems.Count);
                foreach (var problem in problems)
                {
                    LogProblem(problem);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _status = _status with { Problems = problems, ReloadError = $"{exception.GetType().Name}: {exception.Message}" };
                LogReloadFailed(exception, previous?.Version ?? 0);
            }

            return _status;
        }
        finally
        {
            _firstLoad.TrySetResult();
            _reloadLock.Release();
        }
    }

    public void Dispose() => _reloadLock.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge version {Version} is live: {Articles} articles ({Embedded} chunks embedded, {Deleted} removed) in {Milliseconds:F0} ms; {Problems} problems")]
    private partial void LogLoaded(long version, int articles, int embedded, int deleted, double milliseconds, int problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge reload failed; version {Version} keeps serving")]
    private partial void LogReloadFailed(Exception exception, long version);
}
