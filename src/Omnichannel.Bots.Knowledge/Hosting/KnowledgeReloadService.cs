using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Loads the knowledge base at start, then reloads it after every change to the folder once the folder has been quiet
/// for <see cref="KnowledgeOptions.ReloadDelay"/> (an editor's save is often several writes). A reload that failed
/// (the store or the embedding service was down) is retried after <see cref="KnowledgeOptions.RetryDelay"/>, doubling
/// up to a minute, without waiting for a file to change.
/// </summary>
internal sealed class KnowledgeReloadService(KnowledgeBase knowledge, IOptions<KnowledgeOptions> options, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The watcher starts before the first read, so a save during the first load is not missed.
        using var watcher = options.Value.WatchForChanges
            ? DebouncedFileWatcher.ForFolder(knowledge.Folder, options.Value.ReloadDelay, time, KnowledgeFolderReader.IsIgnored, knowledge.OnFolderEvent)
            : null;
        await knowledge.ReloadAsync(stoppingToken).ConfigureAwait(false);
        var retry = new RetryBackoff(options.Value.RetryDelay, TimeSpan.FromTicks(Math.Max(options.Value.RetryDelay.Ticks, MaxRetryDelay.Ticks)));
        var failures = knowledge.Status.ReloadError is null ? 0 : 1;
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = knowledge.Status.ReloadError is not null;
            if (!failed && watcher is null)
            {
                return;
            }

            var changed = await WaitForChangeAsync(watcher, failed ? retry.DelayFor(failures) : Timeout.InfiniteTimeSpan, stoppingToken).ConfigureAwait(false);
            if (changed)
            {
                await watcher!.WaitUntilQuietAsync(stoppingToken).ConfigureAwait(false);
            }

            await knowledge.ReloadAsync(stoppingToken).ConfigureAwait(false);
            failures = knowledge.Status.ReloadError is null ? 0 : failures + 1;
        }
    }

    /// <summary>True when the folder changed; false when <paramref name="timeout"/> passed first.</summary>
    private async Task<bool> WaitForChangeAsync(DebouncedFileWatcher? watcher, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timer.Token);
        try
        {
            if (watcher is null)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
                return false;
            }

            if (await watcher.WaitForChangeAsync(linked.Token).ConfigureAwait(false))
            {
                return true;
            }

            // The watcher was closed (shutting down): only the retry timer or the stop can end the wait now.
            await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
