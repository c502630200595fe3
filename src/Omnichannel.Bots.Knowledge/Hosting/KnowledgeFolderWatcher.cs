using System.Threading.Channels;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Signals when anything under the knowledge folder may have changed (created, changed, renamed, deleted, or the
/// watcher lost events). A folder that does not exist yet is checked for once a second until it appears.
/// </summary>
internal sealed class KnowledgeFolderWatcher : IDisposable
{
    private static readonly TimeSpan MissingFolderPoll = TimeSpan.FromSeconds(1);

    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly Action<string, bool>? _observed;
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly object _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _missingFolderTimer;
    private bool _disposed;

    /// <param name="folder">The knowledge folder.</param>
    /// <param name="time">For the missing-folder poll.</param>
    /// <param name="observed">Told of every file event in order, with whether it signalled a change (a test seam).</param>
    public KnowledgeFolderWatcher(string folder, TimeProvider time, Action<string, bool>? observed = null)
    {
        _folder = folder;
        _time = time;
        _observed = observed;
        Start();
    }

    /// <summary>Waits for the next change signal; false when the watcher was disposed.</summary>
    public ValueTask<bool> WaitForChangeAsync(CancellationToken cancellationToken) => _signals.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Consumes a pending signal; true when there was one (a change arrived since the last call).</summary>
    public bool TakeChange() => _signals.Reader.TryRead(out _);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher?.Dispose();
            _missingFolderTimer?.Dispose();
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

            if (!Directory.Exists(_folder))
            {
                _missingFolderTimer ??= _time.CreateTimer(_ => OnMissingFolderTick(), null, MissingFolderPoll, MissingFolderPoll);
                return;
            }

            _missingFolderTimer?.Dispose();
            _missingFolderTimer = null;
            var watcher = new FileSystemWatcher(_folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
    }

    private void OnMissingFolderTick()
    {
        if (Directory.Exists(_folder))
        {
            Start();
            Signal();
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (e.ChangeType == WatcherChangeTypes.Deleted && string.Equals(e.FullPath.TrimEnd('/'), _folder.TrimEnd('/'), StringComparison.Ordinal))
        {
            Restart();
        }
        else if (IsIgnored(e.FullPath) && (e is not RenamedEventArgs renamed || IsIgnored(renamed.OldFullPath)))
        {
            // Editor swap and backup files (.name.md.swp), hidden folders: the reader skips them, so no reload.
            _observed?.Invoke(e.FullPath, false);
            return;
        }

        Signal();
        _observed?.Invoke(e.FullPath, true);
    }

    private bool IsIgnored(string fullPath) => KnowledgeFolderReader.IsIgnored(Path.GetRelativePath(_folder, fullPath));

    /// <summary>Lost events (buffer overflow) or the folder went away: reload everything, and watch again.</summary>
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
