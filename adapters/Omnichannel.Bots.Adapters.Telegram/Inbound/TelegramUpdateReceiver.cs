using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Inbound;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// Where the webhook and long polling hand each update: mapped, stored in the inbox (a repeated <c>update_id</c> is not
/// stored twice), and a pressed button's callback query answered right after, so the customer's button stops
/// spinning. Returns once the update is durably stored or known to be ignored; throws when the inbox fails (then
/// Telegram must deliver it again).
/// </summary>
internal sealed partial class TelegramUpdateReceiver
{
    private readonly TelegramUpdateMapper _mapper;
    private readonly IMessageInbox _inbox;
    private readonly TelegramApi _api;
    private readonly ILogger<TelegramUpdateReceiver> _logger;

    public TelegramUpdateReceiver(TelegramUpdateMapper mapper, IMessageInbox inbox, TelegramApi api, ILogger<TelegramUpdateReceiver> logger)
    {
        _mapper = mapper;
        _inbox = inbox;
        _api = api;
        _logger = logger;
    }

    /// <summary>Stores the update's message; <see cref="InboundMessageRejectedException"/> when it is malformed (nothing stored).</summary>
    public async Task ReceiveAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var inbound = await _mapper.MapAsync(update, cancellationToken).ConfigureAwait(false);
        if (inbound.Message is { } message)
        {
            var receipt = await _inbox.SubmitAsync(message, cancellationToken).ConfigureAwait(false);
            if (receipt.IsDuplicate)
            {
                LogDuplicate(_logger, update.Id);
            }
        }
        else
        {
            LogIgnored(_logger, update.Id, inbound.IgnoredBecause ?? "it holds nothing to answer");
        }

        if (inbound.CallbackQueryId is { } queryId)
        {
            // Not awaited: the webhook answers Telegram now; a failure only leaves the button spinning a while longer.
            _ = AnswerCallbackQueryAsync(queryId, update.Id);
        }
    }

    private async Task AnswerCallbackQueryAsync(string queryId, int updateId)
    {
        try
        {
            await _api.Client().AnswerCallbackQuery(queryId).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAnswerFailed(_logger, updateId, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Telegram update {UpdateId} ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, int updateId, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Telegram update {UpdateId} was already stored (a redelivery)")]
    private static partial void LogDuplicate(ILogger logger, int updateId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "answerCallbackQuery for Telegram update {UpdateId} failed: {Problem}")]
    private static partial void LogAnswerFailed(ILogger logger, int updateId, string problem);
}
