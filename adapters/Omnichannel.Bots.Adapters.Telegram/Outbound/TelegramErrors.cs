using System.Globalization;
using System.Net;
using Telegram.Bot.Exceptions;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// What a failed Bot API call means for the outbox. 429 and 5xx are transient and carry the <c>retry_after</c> Telegram
/// asked for (<c>parameters.retry_after</c> in the error body; the outbox waits at least that long); network failures
/// and timeouts are transient; 403 (the user blocked the bot, deleted their account, or
/// never started it; the bot was removed from the group) marks the chat unreachable; any other 4xx is permanent. The
/// provider code is Telegram's <c>error_code</c>.
/// </summary>
internal static class TelegramErrors
{
    public static ChannelSendException ToSendException(Exception exception, string what)
    {
        switch (exception)
        {
            case ApiRequestException api:
                var code = api.ErrorCode.ToString(CultureInfo.InvariantCulture);
                var message = $"Telegram refused {what}: {api.ErrorCode} {api.Message}";
                if (api.ErrorCode == (int)HttpStatusCode.Forbidden)
                {
                    return ChannelSendException.RecipientUnreachable(message, code, api);
                }

                var transient = api.ErrorCode is (int)HttpStatusCode.TooManyRequests or >= 500 or <= 0;
                var retryAfter = transient && api.Parameters?.RetryAfter is int seconds and >= 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
                return new ChannelSendException(message, transient, retryAfter, api) { ProviderCode = code };
            case RequestException request:
                var status = request.HttpStatusCode is { } httpStatus ? (int)httpStatus : 0;
                return new ChannelSendException($"Telegram could not be reached for {what}: {request.Message}", isTransient: status is 0 or >= 500 or 429, innerException: request)
                {
                    ProviderCode = status == 0 ? null : status.ToString(CultureInfo.InvariantCulture),
                };
            default:
                return new ChannelSendException($"Telegram could not be reached for {what}: {exception.Message}", isTransient: true, innerException: exception);
        }
    }
}
