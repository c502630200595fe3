using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// Serves the routing rules in force. Without <see cref="HandoffOptions.RulesPath"/> these are
/// <see cref="RoutingRules.Default"/>. With it, the file is read at start (a missing or invalid file stops the start
/// with every <c>file:line: error</c>), then, when <see cref="HandoffOptions.WatchForChanges"/> is on, read again
/// after each change once the file has been quiet for <see cref="ReloadDelay"/>: a valid file replaces the rules at
/// once; an invalid or deleted one leaves the last good rules in force, and its problems are logged and reported in
/// the <c>handoff</c> section of <c>/healthz</c> until the file is fixed.
/// </summary>
public sealed partial class RoutingRulesProvider : IRoutingRulesProvider, IHostedService, IBotHealthContributor, IDisposable
{
    /// <summary>How long the file must be quiet before it is read again (an editor's save is often several writes).</summary>
    public static readonly TimeSpan ReloadDelay = TimeSpan.FromMilliseconds(150);

    private readonly string? _path;
    private readonly string? _sourceName;
    private readonly bool _watch;
    private readonly TimeProvider _time;
    private readonly ILogger<RoutingRulesProvider> _logger;
    private readonly object _gate = new();
    private volatile State? _state;
    private DebouncedFileWatcher? _watcher;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public RoutingRulesProvider(IOptions<HandoffOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<RoutingRulesProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = options.Value.RulesPath?.Trim();
        if (!string.IsNullOrEmpty(configured))
        {
            _sourceName = configured;
            _path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        }

        _watch = options.Value.WatchForChanges;
        _time = time;
        _logger = logger;
    }

    /// <summary>The rules file's full path; null when the built-in rules serve.</summary>
    public string? RulesFile => _path;

    /// <summary>The rules in force (the first use reads the file if the host has not started yet).</summary>
    public RoutingRules Current => (_state ?? LoadInitial()).Rules;

    /// <summary>The problems of the file on disk that kept the last good rules in force; empty when it is in force.</summary>
    public IReadOnlyList<RoutingDiagnostic> Problems => (_state ?? LoadInitial()).Problems;

    public string Name => "handoff";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_path is null || !_watch)
        {
            LoadInitial();
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_loop is not null)
            {
                return Task.CompletedTask;
            }

            // The watcher starts before the read, so a save during start is not missed.
            var readBefore = _state is not null;
            var watcher = DebouncedFileWatcher.ForFile(_path, ReloadDelay, _time);
            try
            {
                LoadInitial();
                if (readBefore)
                {
                    Reload();
                }
            }
            catch
            {
                watcher.Dispose();
                throw;
            }

            _watcher = watcher;
            _stopping = new CancellationTokenSource();
            _loop = Task.Run(() => WatchAsync(watcher, _stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _stopping?.Cancel();
            _watcher?.Dispose();
        }

        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public BotHealthReport Report()
    {
        var state = _state;
        if (state is null)
        {
            return new BotHealthReport(true, new { rulesFile = _sourceName, loaded = false });
        }

        return new BotHealthReport(state.Problems.Count > 0, new
        {
            rulesFile = _sourceName ?? RoutingRules.BuiltInSource,
            loadedAt = state.LoadedAt,
            rules = state.Rules.RuleNames.Count,
            queues = state.Rules.Queues,
            businessHours = state.Rules.Hours.Describe(),
            watching = _watch && _path is not null,
            servedFromLastGood = state.Problems.Count > 0,
            problems = state.Problems.Select(p => p.ToString()).ToArray(),
        });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping?.Cancel();
            _watcher?.Dispose();
            _stopping?.Dispose();
            _stopping = null;
        }
    }

    /// <summary>Reads the file now: a valid file replaces the rules; otherwise the last good rules stay, with the problems.</summary>
    internal void Reload()
    {
        if (_path is null)
        {
            return;
        }

        lock (_gate)
        {
            var previous = _state ?? throw new InvalidOperationException("The rules were not loaded yet.");
            var result = RoutingRulesLoader.Load(_path, _sourceName!);
            if (result.Rules is { } rules)
            {
                _state = new State(rules, _time.GetUtcNow(), []);
                LogReloaded(_logger, _sourceName!, rules.RuleNames.Count);
            }
            else
            {
                _state = previous with { Problems = result.Diagnostics };
                LogInvalid(_logger, _sourceName!, result.Diagnostics.Count, string.Join(Environment.NewLine, result.Diagnostics));
            }
        }
    }

    private State LoadInitial()
    {
        lock (_gate)
        {
            if (_state is { } loaded)
            {
                return loaded;
            }

            if (_path is null)
            {
                return _state = new State(RoutingRules.Default, _time.GetUtcNow(), []);
            }

            var result = RoutingRulesLoader.Load(_path, _sourceName!);
            if (result.Rules is null)
            {
                throw new RoutingRulesException(_sourceName!, result.Diagnostics);
            }

            LogLoaded(_logger, _sourceName!, result.Rules.RuleNames.Count, _path);
            return _state = new State(result.Rules, _time.GetUtcNow(), []);
        }
    }

    private async Task WatchAsync(DebouncedFileWatcher watcher, CancellationToken stoppingToken)
    {
        try
        {
            while (await watcher.WaitForChangeAsync(stoppingToken).ConfigureAwait(false))
            {
                await watcher.WaitUntilQuietAsync(stoppingToken).ConfigureAwait(false);

                Reload();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // The watch loop must not die silently: log and stop watching; the last rules stay.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWatchFailed(_logger, ex, _sourceName!);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing rules loaded from {File}: {Count} rules ({Path}).")]
    private static partial void LogLoaded(ILogger logger, string file, int count, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing rules reloaded from {File}: {Count} rules in force.")]
    private static partial void LogReloaded(ILogger logger, string file, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Routing rules file {File} has {Count} problem(s); the last good rules stay in force:\n{Problems}")]
    private static partial void LogInvalid(ILogger logger, string file, int count, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Watching the routing rules file {File} failed; the rules in force stay until the next start.")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string file);

    private sealed record State(RoutingRules Rules, DateTimeOffset LoadedAt, IReadOnlyList<RoutingDiagnostic> Problems);
}
