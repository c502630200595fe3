using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// When a WhatsApp turn starts, marks the customer's message read and shows "typing…" (one call: <c>status: read</c>
/// with <c>typing_indicator</c>; WhatsApp shows it until the bot's next message or 25 seconds), without holding the turn
/// up. Off with <see cref="WhatsAppOptions.MarkAsRead"/> false. A failure is only logged: the reply matters, the
/// indicator does not.
/// </summary>
internal sealed partial class WhatsAppReadObserver : ITurnObserver
{
    private readonly WhatsAppChannelAdapter _adapter;
    private readonly IOptions<WhatsAppOptions> _options;
    private readonly ILogger<WhatsAppReadObserver> _logger;

    public WhatsAppReadObserver(WhatsAppChannelAdapter adapter, IOptions<WhatsAppOptions> options, ILogger<WhatsAppReadObserver> logger)
    {
        _adapter = adapter;
        _options = options;
        _logger = logger;
    }

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Message.Channel == ChannelId.WhatsApp && _options.Value.MarkAsRead)
        {
            _ = MarkReadAsync(entry.Message);
        }

        return ValueTask.CompletedTask;
    }

    private async Task MarkReadAsync(BotMessage inbound)
    {
        try
        {
            await _adapter.MarkReadAsync(inbound.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ChannelSendException ex)
        {
            LogReadFailed(_logger, inbound.Id, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Marking WhatsApp message {MessageId} read (with typing) failed: {Problem}")]
    private static partial void LogReadFailed(ILogger logger, string messageId, string problem);
}
