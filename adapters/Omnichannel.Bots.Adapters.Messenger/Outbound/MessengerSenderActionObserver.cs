using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// When a Messenger customer's turn starts, marks their message seen (<c>mark_seen</c>) and shows "typing…"
/// (<c>typing_on</c>; Messenger shows it for about 20 seconds or until the page's next message), without holding the
/// turn up. A failure is only logged: the reply matters, the indicators do not.
/// </summary>
internal sealed partial class MessengerSenderActionObserver : ITurnObserver
{
    private readonly MessengerChannelAdapter _adapter;
    private readonly ILogger<MessengerSenderActionObserver> _logger;

    public MessengerSenderActionObserver(MessengerChannelAdapter adapter, ILogger<MessengerSenderActionObserver> logger)
    {
        _adapter = adapter;
        _logger = logger;
    }

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Message.Channel == ChannelId.Messenger)
        {
            _ = SendAsync(entry.Message.Conversation.Id);
        }

        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(string psid)
    {
        try
        {
            // In this order: typing_on after mark_seen, so the indicator shows under the seen mark.
            await _adapter.SendSenderActionAsync(psid, "mark_seen", CancellationToken.None).ConfigureAwait(false);
            await _adapter.SendSenderActionAsync(psid, "typing_on", CancellationToken.None).ConfigureAwait(false);
        }
        catch (ChannelSendException ex)
        {
            LogFailed(_logger, psid, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "A Messenger sender action for {Psid} failed: {Problem}")]
    private static partial void LogFailed(ILogger logger, string psid, string problem);
}
