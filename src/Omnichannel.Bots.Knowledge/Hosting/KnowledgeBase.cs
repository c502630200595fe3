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
    private readonly KnowledgeStoreOpener _openStore;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly KnowledgeSearchOptions _searchOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>How long the knowledge base must go without a reload before the served version is recalibrated.</summary>
    private static readonly TimeSpan CalibrationQuietPeriod = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenSource? _calibration;
    private int _disposed;
    private IKnowledgeStore? _store;
    private KnowledgeIngestor? _ingestor;
    private volatile ServedKnowledge? _served;
    private volatile KnowledgeStatus _status;

    public KnowledgeBase(
        string folder,
        KnowledgeFolderReader reader,
        KnowledgeStoreOpener openStore,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        KnowledgeSearchOptions searchOptions,
        TimeProvider time,
        ILogger<KnowledgeBase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(openStore);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(searchOptions);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Folder = Path.GetFullPath(folder);
        _reader = reader;
        _openStore = openStore;
        _embedder = embedder;
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

    /// <summary>
    /// Every file event the folder watcher received, in order, with whether it asked for a reload (false: ignored, such
    /// as an editor's swap file). A test seam: it shows that an ignored change was seen and let go, which a reload count
    /// alone cannot show until some later event proves the watcher got that far.
    /// </summary>
    internal event Action<string, bool>? FolderEventSeen;

    internal void OnFolderEvent(string fullPath, bool reloadRequested) => FolderEventSeen?.Invoke(fullPath, reloadRequested);

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

            // A reload supersedes the calibration of the version it replaces (it would be thrown away anyway).
            _calibration?.Cancel();
            _calibration?.Dispose();
            _calibration = null;
            List<string> problems = [];
            try
            {
                var snapshot = await _reader.ReadAsync(Folder, cancellationToken).ConfigureAwait(false);
                var read = Stopwatch.GetElapsedTime(started);
                var merged = LastGoodMerge.Merge(snapshot.Files, previous?.ArticlesByFile ?? NoArticles);
                problems = [.. snapshot.Diagnostics.Select(d => d.ToString()), .. merged.Notes];
                if (_store is null)
                {
                    _store = await _openStore(cancellationToken).ConfigureAwait(false);
                    _ingestor = new KnowledgeIngestor(_store, _embedder);
                }

                var ingestion = await _ingestor!.IngestAsync(merged.Articles, cancellationToken).ConfigureAwait(false);
                var ingested = Stopwatch.GetElapsedTime(started);

                // A reload reuses the served calibration so the edit is live at once; the new base is calibrated in
                // the background and its threshold swapped in when ready. The first load calibrates before serving.
                var calibration = previous?.Searcher.Calibration;
                var searcher = await KnowledgeSearcher.BuildAsync(merged.Articles, _store, _embedder, _searchOptions with { Calibration = calibration }, cancellationToken).ConfigureAwait(false);
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
                    LastReloadTimings = new KnowledgeReloadTimings(read, ingested - read, elapsed - ingested),
                    Threshold = searcher.Threshold,
                    Problems = problems,
                    ServedFromLastGood = merged.ServedFromLastGood,
                };
                if (calibration is not null)
                {
                    _calibration = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                    _ = RecalibrateAsync(version, searcher, _calibration.Token);
                }

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

    /// <summary>Stops a pending calibration and closes the store. Safe to call twice (DI disposes it under both of its registrations).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _calibration?.Dispose();
        _stopping.Dispose();
        _reloadLock.Dispose();
        (_store as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Calibrates a newly served version off the request path once edits have paused (calibration costs seconds of CPU
    /// on a large base, which would slow the next edit down), and swaps its threshold in unless a newer version took over.
    /// </summary>
    private async Task RecalibrateAsync(long version, KnowledgeSearcher searcher, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(CalibrationQuietPeriod, _time, cancellationToken).ConfigureAwait(false);
            var calibration = await searcher.CalibrateAsync(cancellationToken).ConfigureAwait(false);
            await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_served is { } served && served.Version == version)
                {
                    _served = served with { Searcher = searcher.WithCalibration(calibration) };
                    _status = _status with { Threshold = calibration.Threshold };
                    LogCalibrated(version, calibration.Threshold);
                }
            }
            finally
            {
                _reloadLock.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
        }
#pragma warning disable CA1031 // A failed calibration keeps the previous threshold; it must never take the bot down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogCalibrationFailed(exception, version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge version {Version} calibrated: threshold {Threshold:F3}")]
    private partial void LogCalibrated(long version, double threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calibrating knowledge version {Version} failed; it keeps the previous threshold")]
    private partial void LogCalibrationFailed(Exception exception, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge version {Version} is live: {Articles} articles ({Embedded} chunks embedded, {Deleted} removed) in {Milliseconds:F0} ms; {Problems} problems")]
    private partial void LogLoaded(long version, int articles, int embedded, int deleted, double milliseconds, int problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge reload failed; version {Version} keeps serving")]
    private partial void LogReloadFailed(Exception exception, long version);
}
