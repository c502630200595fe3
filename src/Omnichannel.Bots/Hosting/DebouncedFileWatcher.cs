using System.Threading.Channels;

namespace Omnichannel.Bots;

/// <summary>
/// Watches one file (<see cref="ForFile"/>) or a folder tree (<see cref="ForFolder"/>) and signals when it may have
/// changed: written, created, deleted, renamed onto or away from (an editor's atomic "write a temp file, rename it over"
/// save), or the watcher lost events (buffer overflow, the folder went away), which consumers treat as "re-read
/// everything". While the folder does not exist, or the system refuses another watcher (the inotify limit), the target
/// is polled once a second on the <see cref="TimeProvider"/> instead. <see cref="WaitUntilQuietAsync"/> debounces: an
/// editor's save is often several writes, so a reload waits until no change arrived for a whole quiet period.
/// </summary>
public sealed class DebouncedFileWatcher : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly string _folder;
    private readonly string? _fileName;
    private readonly TimeSpan _quietPeriod;
    private readonly TimeProvider _time;
    private readonly Func<string, bool>? _ignore;
    private readonly Action<string, bool>? _observed;
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _pollTimer;
    private (bool Exists, long Count, long Length, DateTime Written) _polled;
    private bool _disposed;

    private DebouncedFileWatcher(string folder, string? fileName, TimeSpan quietPeriod, TimeProvider time, Func<string, bool>? ignore, Action<string, bool>? observed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quietPeriod, TimeSpan.Zero);
        _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _fileName = fileName;
        _quietPeriod = quietPeriod;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _ignore = ignore;
        _observed = observed;
        Start();
    }

    /// <summary>True while the operating system reports the changes (false while polling).</summary>
    public bool UsesEvents
    {
        get
        {
            lock (_gate)
            {
                return _watcher is not null;
            }
        }
    }

    /// <summary>Watches one file; the folder it is in need not exist yet.</summary>
    /// <param name="path">The file.</param>
    /// <param name="quietPeriod">How long no change must arrive before <see cref="WaitUntilQuietAsync"/> returns.</param>
    /// <param name="time">For the debounce and the poll.</param>
    public static DebouncedFileWatcher ForFile(string path, TimeSpan quietPeriod, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        return new DebouncedFileWatcher(Path.GetDirectoryName(full) ?? ".", Path.GetFileName(full), quietPeriod, time, null, null);
    }

    /// <summary>Watches a folder and everything under it; the folder need not exist yet.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="quietPeriod">How long no change must arrive before <see cref="WaitUntilQuietAsync"/> returns.</param>
    /// <param name="time">For the debounce and the poll.</param>
    /// <param name="ignore">Paths relative to the folder whose changes do not count (editor swap files, hidden folders).</param>
    /// <param name="observed">Told of every file event in order with whether it signalled a change (a test seam).</param>
    public static DebouncedFileWatcher ForFolder(string folder, TimeSpan quietPeriod, TimeProvider time, Func<string, bool>? ignore = null, Action<string, bool>? observed = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return new DebouncedFileWatcher(folder, null, quietPeriod, time, ignore, observed);
    }

    /// <summary>Waits for the next change signal; false when the watcher was disposed.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    public ValueTask<bool> WaitForChangeAsync(CancellationToken cancellationToken) => _signals.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Consumes a pending signal; true when there was one (a change arrived since the last call).</summary>
    public bool TakeChange() => _signals.Reader.TryRead(out _);

    /// <summary>Consumes the pending signals and returns once a whole quiet period passed with no further change.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    public async Task WaitUntilQuietAsync(CancellationToken cancellationToken)
    {
        while (TakeChange())
        {
            if (_quietPeriod > TimeSpan.Zero)
            {
                await Task.Delay(_quietPeriod, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher?.Dispose();
            _pollTimer?.Dispose();
        }

        _signals.Writer.TryComplete();
    }

    private void Start()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (Directory.Exists(_folder))
            {
                try
                {
                    var watcher = new FileSystemWatcher(_folder)
                    {
                        IncludeSubdirectories = _fileName is null,
                        NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                        InternalBufferSize = 64 * 1024,
                    };
                    watcher.Changed += OnChanged;
                    watcher.Created += OnChanged;
                    watcher.Deleted += OnChanged;
                    watcher.Renamed += OnChanged;
                    watcher.Error += OnError;
                    watcher.EnableRaisingEvents = true;
                    _watcher = watcher;
                    _pollTimer?.Dispose();
                    _pollTimer = null;
                    return;
                }
                catch (IOException)
                {
                    // Too many watchers on this system (inotify limit): poll below.
                }
            }

            _polled = Stamp();
            _pollTimer ??= _time.CreateTimer(_ => OnPoll(), null, PollInterval, PollInterval);
        }
    }

    private void OnPoll()
    {
        var stamp = Stamp();
        bool changed;
        lock (_gate)
        {
            changed = stamp != _polled;
            _polled = stamp;
        }

        if (Directory.Exists(_folder) && !UsesEvents)
        {
            Start();
        }

        if (changed)
        {
            Signal();
        }
    }

    /// <summary>What polling compares: the file's size and time, or the folder's file count, total size and newest time.</summary>
    private (bool Exists, long Count, long Length, DateTime Written) Stamp()
    {
        try
        {
            if (_fileName is not null)
            {
                var info = new FileInfo(Path.Combine(_folder, _fileName));
                return info.Exists ? (true, 1, info.Length, info.LastWriteTimeUtc) : default;
            }

            var folder = new DirectoryInfo(_folder);
            if (!folder.Exists)
            {
                return default;
            }

            var files = folder.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Where(f => _ignore?.Invoke(Path.GetRelativePath(_folder, f.FullName)) != true)
                .ToList();
            return (true, files.Count, files.Sum(f => f.Length), files.Count == 0 ? default : files.Max(f => f.LastWriteTimeUtc));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Changing under the poll: look again next time.
            return _polled with { Count = -1 };
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (_fileName is not null)
        {
            if (IsTarget(e.Name) || (e is RenamedEventArgs renamed && IsTarget(renamed.OldName)))
            {
                Signal();
            }

            return;
        }

        if (e.ChangeType == WatcherChangeTypes.Deleted && string.Equals(Path.TrimEndingDirectorySeparator(e.FullPath), _folder, StringComparison.Ordinal))
        {
            Restart();
        }
        else if (IsIgnored(e.FullPath) && (e is not RenamedEventArgs renamed || IsIgnored(renamed.OldFullPath)))
        {
            _observed?.Invoke(e.FullPath, false);
            return;
        }

        Signal();
        _observed?.Invoke(e.FullPath, true);
    }

    private bool IsTarget(string? name) => name is not null && string.Equals(Path.GetFileName(name), _fileName, StringComparison.Ordinal);

    private bool IsIgnored(string fullPath) => _ignore?.Invoke(Path.GetRelativePath(_folder, fullPath)) == true;

    /// <summary>Lost events, or the folder went away: signal a full re-read, and watch again (polling until the folder is back).</summary>
    private void OnError(object sender, ErrorEventArgs e)
    {
        if (!Directory.Exists(_folder))
        {
            Restart();
        }

        Signal();
    }

    private void Restart()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
        }

        Start();
    }

    private void Signal() => _signals.Writer.TryWrite(true);
}
