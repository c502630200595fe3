using System.Threading.Channels;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// Signals when the rules file may have changed: written, created, deleted, renamed onto or away from (an editor's
/// atomic save), or the watcher lost events. While its folder does not exist, or the system refuses another watcher,
/// the file's size and time are checked once a second instead.
/// </summary>
internal sealed class RulesFileWatcher : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly string _path;
    private readonly string _folder;
    private readonly string _fileName;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly object _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _pollTimer;
    private (bool Exists, long Length, DateTime Written) _polled;
    private bool _disposed;

    public RulesFileWatcher(string path, TimeProvider time)
    {
        _path = path;
        _folder = Path.GetDirectoryName(path) ?? ".";
        _fileName = Path.GetFileName(path);
        _time = time;
        Start();
    }

    /// <summary>True when the file is watched by the operating system (false while polling).</summary>
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

    /// <summary>Waits for the next change signal; false when the watcher was disposed.</summary>
    public ValueTask<bool> WaitForChangeAsync(CancellationToken cancellationToken) => _signals.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Consumes a pending signal; true when there was one.</summary>
    public bool TakeChange() => _signals.Reader.TryRead(out _);

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
                        IncludeSubdirectories = false,
                        NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
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
                    // Too many watchers on this system (inotify limit): fall back to polling below.
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

    private (bool Exists, long Length, DateTime Written) Stamp()
    {
        var info = new FileInfo(_path);
        return info.Exists ? (true, info.Length, info.LastWriteTimeUtc) : (false, 0, default);
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (IsTarget(e.Name) || (e is RenamedEventArgs renamed && IsTarget(renamed.OldName)))
        {
            Signal();
        }
    }

    private bool IsTarget(string? name) => name is not null && string.Equals(Path.GetFileName(name), _fileName, StringComparison.Ordinal);

    /// <summary>Lost events, or the folder went away: check the file, and watch again (polling until the folder is back).</summary>
    private void OnError(object sender, ErrorEventArgs e)
    {
        if (!Directory.Exists(_folder))
        {
            lock (_gate)
            {
                _watcher?.Dispose();
                _watcher = null;
            }

            Start();
        }

        Signal();
    }

    private void Signal() => _signals.Writer.TryWrite(true);
}
