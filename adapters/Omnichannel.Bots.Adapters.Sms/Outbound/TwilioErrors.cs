using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// What a refused <c>Messages.json</c> call means for the outbox. Twilio answers errors with
/// <c>{"code": 21211, "message": "...", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}</c>
/// ("Twilio's response to an error"). 429 and 5xx are transient and carry the <c>Retry-After</c> header when Twilio
/// sends one; 21610 (the number replied STOP: "Attempt to send to unsubscribed recipient") records the opt-out (lifted only
/// by START, like a STOP the bot saw itself), permanent; 21211 and 21614 (invalid number, not a mobile number) and every other
/// 4xx are permanent. The provider code is Twilio's <c>code</c>, else the HTTP status.
/// </summary>
internal static class TwilioErrors
{
    public const string Unsubscribed = "21610";

    public static async Task<ChannelSendException> FromResponseAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var (code, words) = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var providerCode = code ?? status.ToString(CultureInfo.InvariantCulture);
        var message = string.Create(CultureInfo.InvariantCulture, $"Twilio refused the message: {status} {providerCode} {words}");
        if (providerCode == Unsubscribed)
        {
            return ChannelSendException.RecipientOptedOut(
                $"The number opted out (it replied STOP; Twilio error 21610); it can be reached again once it texts START. {words}", providerCode);
        }

        var transient = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
        return new ChannelSendException(message, transient, transient ? RetryAfter(response.Headers.RetryAfter, now) : null) { ProviderCode = providerCode };
    }

    public static ChannelSendException Unreached(Exception exception) =>
        new($"Twilio could not be reached: {exception.Message}", isTransient: true, innerException: exception);

    private static async Task<(string? Code, string Words)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, response.ReasonPhrase ?? string.Empty);
            }

            string? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetRawText() : null;
            var words = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : response.ReasonPhrase ?? string.Empty;
            return (code, words);
        }
        catch (JsonException)
        {
            return (null, response.ReasonPhrase ?? string.Empty);
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } when delta >= TimeSpan.Zero => delta,
        { Date: { } date } => date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
