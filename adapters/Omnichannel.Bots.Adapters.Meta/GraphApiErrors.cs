namespace Omnichannel.Bots.Adapters.Meta;

/// <summary>
/// What a failed Graph API send means for the outbox, by Meta's error code (Messenger Platform "Error codes", WhatsApp
/// Cloud API "Error codes"). Rate limits are retried after a pause that fits the limit: 130429 (the number's
/// throughput) after a second, 131056 (too many messages to one customer: the pair rate limit) after 6 seconds, app
/// and page limits (4, 17, 32, 613, 80007) after a minute. 131047 (WhatsApp: more than 24 hours since the customer's
/// last message) and 10/2018278 (Messenger: outside the allowed window) close the reply window. 551 and 100/2018001
/// (Messenger: the person is not available, no matching user) and 131026 (WhatsApp: undeliverable to this number)
/// mark the chat unreachable until the customer writes again. An invalid or expired access token (190) is retried
/// after a minute so nothing is lost while an operator replaces it, and says which setting to fix. Unknown errors
/// (1, 2, 131000, 131016, 133004), any 5xx, Meta's own <c>is_transient</c> and calls that got no answer are retried;
/// everything else (bad parameters, templates, permissions) fails with Meta's code and words.
/// </summary>
public static class GraphApiErrors
{
    private static readonly TimeSpan ThroughputPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PairRatePause = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan AppLimitPause = TimeSpan.FromMinutes(1);

    /// <summary>The outbox's view of <paramref name="exception"/>, for a send on <paramref name="channel"/> whose token is set at <paramref name="tokenSetting"/>.</summary>
    public static ChannelSendException ToSendException(GraphApiException exception, string channel, string tokenSetting)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.Error is not { } error)
        {
            return new ChannelSendException($"{channel}: the Graph API did not answer: {exception.Message}", isTransient: true, innerException: exception);
        }

        var said = $"{channel}: the Graph API refused the message: {error}";
        var code = error.ProviderCode;
        return (error.Code, error.Subcode) switch
        {
            (131047, _) or (10, 2018278) => ChannelSendException.ReplyWindowClosed(said, code, exception),
            (551, _) or (100, 2018001) or (131026, _) => ChannelSendException.RecipientUnreachable(said, code, exception),
            (130429, _) => Transient(said, code, ThroughputPause, exception),
            (131056, _) => Transient(said, code, PairRatePause, exception),
            (4 or 17 or 32 or 613 or 80007 or 131048, _) => Transient(said, code, AppLimitPause, exception),
            (190, _) => Transient($"{said}. The access token is invalid or expired: set a valid {tokenSetting} and restart; the message is retried.", code, AppLimitPause, exception),
            (1 or 2 or 131000 or 131016 or 133004, _) => Transient(said, code, null, exception),
            _ when error.HttpStatus >= 500 || error.IsTransient == true => Transient(said, code, null, exception),
            _ => new ChannelSendException(said, isTransient: false, innerException: exception) { ProviderCode = code },
        };
    }

    private static ChannelSendException Transient(string message, string code, TimeSpan? retryAfter, Exception inner) =>
        new(message, isTransient: true, retryAfter, inner) { ProviderCode = code };
}
