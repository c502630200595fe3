using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// Sends what the outbox holds for an SMS conversation through Twilio's REST API: one
/// <c>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c> ("Create a Message resource") with HTTP
/// basic auth (account SID, auth token) and the form fields <c>To</c> (the customer's number), <c>From</c>
/// (<see cref="SmsOptions.FromNumber"/>) or <c>MessagingServiceSid</c>, <c>Body</c>, <c>MediaUrl</c> for each
/// attachment (MMS) and <c>StatusCallback</c> (<see cref="SmsOptions.PublicBaseUrl"/> + <c>/api/channels/sms/status</c>,
/// when set). The runtime has rendered the text for the profile (<see cref="SmsProfile"/>: plain, numbered options).
/// The receipt is Twilio's message <c>sid</c>. Pacing is the outbox's; this sends at once and never retries: failures
/// go back as <see cref="ChannelSendException"/> (<see cref="TwilioErrors"/>). The auth token is never logged.
/// </summary>
internal sealed class SmsChannelAdapter : ChannelAdapter
{
    public const string HttpClientName = "Omnichannel.Bots.Adapters.Sms.Twilio";

    private readonly IHttpClientFactory _http;
    private readonly IOptions<SmsOptions> _options;
    private readonly TimeProvider _time;

    public SmsChannelAdapter(IHttpClientFactory http, IOptions<SmsOptions> options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        Profile = SmsProfile.From(options.Value);
    }

    public override ChannelProfile Profile { get; }

    public override async Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = _options.Value;
        if (!options.Enabled)
        {
            throw new ChannelSendException("SMS is not enabled here (Channels:Sms:Enabled is false); nothing was sent.", isTransient: false);
        }

        if (message.Kind == MessageKind.Typing)
        {
            return new SendReceipt(null);
        }

        if (string.IsNullOrEmpty(message.Text) && message.Attachments.Count == 0)
        {
            throw new ChannelSendException($"Outbound message '{message.Id}' has nothing an SMS can carry (no text and no media).", isTransient: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl(options))
        {
            Content = new FormUrlEncodedContent(Fields(message, options)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}")));
        HttpResponseMessage response;
        try
        {
            response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw TwilioErrors.Unreached(ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await TwilioErrors.FromResponseAsync(response, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            return new SendReceipt(await ReadSidAsync(response, cancellationToken).ConfigureAwait(false));
        }
    }

    private static Uri MessagesUrl(SmsOptions options) =>
        new($"{options.ApiBaseUrl.OriginalString.TrimEnd('/')}/2010-04-01/Accounts/{options.AccountSid}/Messages.json");

    private static List<KeyValuePair<string, string>> Fields(BotMessage message, SmsOptions options)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", message.Conversation.Id) };
        fields.Add(string.IsNullOrWhiteSpace(options.MessagingServiceSid)
            ? new("From", options.FromNumber!)
            : new("MessagingServiceSid", options.MessagingServiceSid));
        if (!string.IsNullOrEmpty(message.Text))
        {
            fields.Add(new("Body", message.Text));
        }

        fields.AddRange(message.Attachments.Select(attachment => new KeyValuePair<string, string>("MediaUrl", attachment.Url.AbsoluteUri)));
        if (options.PublicBaseUrl is { } publicBase)
        {
            fields.Add(new("StatusCallback", publicBase.OriginalString.TrimEnd('/') + SmsWebhookEndpoints.StatusPath));
        }

        return fields;
    }

    /// <summary>The created message's <c>sid</c>; a success without one is a permanent failure (the message may exist: not resent blindly).</summary>
    private static async Task<string> ReadSidAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("sid", out var sid) && sid.ValueKind == JsonValueKind.String && sid.GetString() is { Length: > 0 } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        throw new ChannelSendException(
            string.Create(CultureInfo.InvariantCulture, $"Twilio answered {(int)response.StatusCode} without a message sid; the message may have been sent, so it is not sent again."),
            isTransient: false);
    }
}
