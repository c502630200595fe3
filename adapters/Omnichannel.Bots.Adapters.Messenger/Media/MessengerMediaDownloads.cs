using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// Keeps customers' attachments eagerly, before Meta's CDN URLs expire: the webhook queues each new message's
/// attachments here once the message is in the inbox (without waiting), and this service downloads them one at a time
/// into the file store (<see cref="MessengerMediaKeeper"/>). The queue is bounded (<see cref="Capacity"/>); an
/// attachment that does not fit, or whose download fails, is only logged: its link downloads it on first open instead.
/// </summary>
internal sealed partial class MessengerMediaDownloads : BackgroundService
{
    /// <summary>How many attachments may wait; beyond it new ones are left to their link's first open.</summary>
    public const int Capacity = 256;

    private readonly Channel<MessengerMedia> _queue = Channel.CreateBounded<MessengerMedia>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly MessengerMediaKeeper _keeper;
    private readonly ILogger<MessengerMediaDownloads> _logger;

    public MessengerMediaDownloads(MessengerMediaKeeper keeper, ILogger<MessengerMediaDownloads> logger)
    {
        _keeper = keeper;
        _logger = logger;
    }

    /// <summary>Queues <paramref name="media"/> to be kept; never waits and never throws.</summary>
    public void Enqueue(MessengerMedia media)
    {
        if (!_queue.Writer.TryWrite(media))
        {
            LogQueueFull(_logger, media.FileId, Capacity);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var media in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    // The keeper logs what it could not keep; the link's first open tries again.
                    await _keeper.KeepAsync(media, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(_logger, ex, media.FileId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is kept on its link's first open.
        }
    }

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Messenger attachment {FileId} was not queued for keeping ({Capacity} are waiting): it is downloaded when its link is first opened")]
    private static partial void LogQueueFull(ILogger logger, string fileId, int capacity);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Keeping Messenger attachment {FileId} failed: it is downloaded when its link is first opened")]
    private static partial void LogFailed(ILogger logger, Exception exception, string fileId);
}
