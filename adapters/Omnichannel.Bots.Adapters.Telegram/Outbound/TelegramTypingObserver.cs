using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// Shows "typing…" in a Telegram chat while its turn runs: when a turn starts, <c>sendChatAction typing</c> goes out
/// without holding the turn up (Telegram shows it for five seconds or until the bot's next message). A failure is
/// only logged: the reply matters, the indicator does not.
/// </summary>
internal sealed partial class TelegramTypingObserver : ITurnObserver
{
    private readonly TelegramChannelAdapter _adapter;
    private readonly ILogger<TelegramTypingObserver> _logger;

    public TelegramTypingObserver(TelegramChannelAdapter adapter, ILogger<TelegramTypingObserver> logger)
    {
        _adapter = adapter;
        _logger = logger;
    }

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Message.Channel == ChannelId.Telegram)
        {
            _ = SendTypingAsync(entry.Message);
        }

        return ValueTask.CompletedTask;
    }

    private async Task SendTypingAsync(BotMessage inbound)
    {
        var typing = new BotMessage
        {
            Id = inbound.Id + "/typing",
            Channel = ChannelId.Telegram,
            Conversation = inbound.Conversation,
            Kind = MessageKind.Typing,
        };
        try
        {
            await _adapter.SendAsync(typing, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ChannelSendException ex)
        {
            LogTypingFailed(_logger, inbound.Conversation.Id, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "sendChatAction typing to Telegram chat {ChatId} failed: {Problem}")]
    private static partial void LogTypingFailed(ILogger logger, string chatId, string problem);
}
