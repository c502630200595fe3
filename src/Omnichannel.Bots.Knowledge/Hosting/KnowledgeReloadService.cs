using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Loads the knowledge base at start, then reloads it after every change to the folder once the folder has been quiet
/// for <see cref="KnowledgeOptions.ReloadDelay"/> (an editor's save is often several writes).
/// </summary>
internal sealed class KnowledgeReloadService(KnowledgeBase knowledge, IOptions<KnowledgeOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The watcher starts before the first read, so a save during the first load is not missed.
        using var watcher = options.Value.WatchForChanges ? new KnowledgeFolderWatcher(knowledge.Folder, time) : null;
        await knowledge.ReloadAsync(stoppingToken).ConfigureAwait(false);
        if (watcher is null)
        {
            return;
        }

        var delay = options.Value.ReloadDelay;
        while (await watcher.WaitForChangeAsync(stoppingToken).ConfigureAwait(false))
        {
            // Debounce: wait until no change arrived for a whole delay.
            while (watcher.TakeChange())
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
            }

            await knowledge.ReloadAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
