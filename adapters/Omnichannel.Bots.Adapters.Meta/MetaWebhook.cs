using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Adapters.Meta;

/// <summary>
/// One Meta webhook route, as WhatsApp and Messenger both have it ("Webhooks → Getting started"):
/// <c>GET</c> answers the subscription handshake (<c>hub.mode=subscribe</c>, <c>hub.verify_token</c>; the
/// <c>hub.challenge</c> is echoed only when the token matches, compared in constant time); <c>POST</c> reads the raw body
/// (413 over the limit), checks <c>X-Hub-Signature-256</c> over those bytes before anything is parsed (401, nothing
/// stored), parses it (400 when it is not JSON or has no <c>entry</c> array), and hands the entries to the channel one
/// by one. 200 once every entry is in the inbox; a storage failure is a 500, so Meta delivers the batch again (the
/// inbox drops what it already has, by the provider's message id).
/// </summary>
public sealed partial class MetaWebhook
{
    private readonly string _channel;
    private readonly string _expectedObject;
    private readonly Func<MetaChannelOptions> _options;
    private readonly ILogger _logger;

    /// <param name="channel">The channel's name for messages and logs (WhatsApp, Messenger).</param>
    /// <param name="expectedObject">The payload's <c>object</c> the channel takes (<c>whatsapp_business_account</c>, <c>page</c>).</param>
    /// <param name="options">The channel's current settings.</param>
    /// <param name="logger">Where refusals are logged.</param>
    public MetaWebhook(string channel, string expectedObject, Func<MetaChannelOptions> options, ILogger logger)
    {
        _channel = channel;
        _expectedObject = expectedObject;
        _options = options;
        _logger = logger;
    }

    /// <summary>Maps <c>GET</c> and <c>POST</c> at <paramref name="path"/>; <paramref name="receive"/> stores one entry of a verified batch.</summary>
    public void Map(IEndpointRouteBuilder endpoints, string path, Func<JsonElement, HttpContext, Task> receive)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(receive);
        endpoints.MapGet(path, (Func<HttpContext, IResult>)Handshake);
        endpoints.MapPost(path, (Func<HttpContext, Task<IResult>>)(http => ReceiveAsync(http, receive)));
    }

    /// <summary>The subscription handshake: the challenge back as plain text when the mode and token are right, else 403.</summary>
    internal IResult Handshake(HttpContext http)
    {
        var query = http.Request.Query;
        var mode = query["hub.mode"].FirstOrDefault();
        var token = query["hub.verify_token"].FirstOrDefault();
        var challenge = query["hub.challenge"].FirstOrDefault();
        if (mode != "subscribe" || !HmacSignatureVerifier.SecretsMatch(_options().VerifyToken!, token))
        {
            LogHandshakeRefused(_logger, _channel, mode ?? "(none)");
            return Results.Text($"The {_channel} webhook handshake needs hub.mode=subscribe and the configured verify token.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrEmpty(challenge))
        {
            return Results.Text("The handshake has no hub.challenge to echo.", statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Text(challenge, "text/plain");
    }

    private async Task<IResult> ReceiveAsync(HttpContext http, Func<JsonElement, HttpContext, Task> receive)
    {
        var options = _options();
        var (body, tooLong) = await RequestBody.ReadAsync(http.Request, options.MaxBodyBytes).ConfigureAwait(false);
        if (tooLong is not null)
        {
            return Results.Text(tooLong.Message, statusCode: tooLong.StatusCode);
        }

        if (!new MetaSignature(options.AppSecret!).IsValid(body, http.Request.Headers[MetaSignature.Header].FirstOrDefault()))
        {
            LogBadSignature(_logger, _channel, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Results.Text($"The {MetaSignature.Header} header is missing or does not sign this body with the app secret.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var (document, notJson) = RequestBody.ParseJson(body, http.Request);
        if (document is null)
        {
            return Results.Text(notJson?.Message ?? "The body is empty.", statusCode: StatusCodes.Status400BadRequest);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                LogNotABatch(_logger, _channel);
                return Results.Text("The body is not a Meta webhook batch: an object with an 'entry' array.", statusCode: StatusCodes.Status400BadRequest);
            }

            var kind = root.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            if (kind != _expectedObject)
            {
                // A subscription for another product pointed at this route: acknowledged so Meta does not retry, and logged.
                LogOtherObject(_logger, _channel, kind ?? "(none)", _expectedObject);
                return Results.Ok();
            }

            foreach (var entry in entries.EnumerateArray())
            {
                try
                {
                    await receive(entry, http).ConfigureAwait(false);
                }
                catch (InboundMessageRejectedException ex)
                {
                    // One malformed message never holds back the rest of the batch; what it was is logged.
                    LogRejected(_logger, _channel, ex.Message);
                }
            }
        }

        return Results.Ok();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused a {Channel} webhook call from {Remote}: X-Hub-Signature-256 is missing or wrong")]
    private static partial void LogBadSignature(ILogger logger, string channel, string remote);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Refused the {Channel} webhook handshake (hub.mode {Mode}): the verify token does not match Channels configuration")]
    private static partial void LogHandshakeRefused(ILogger logger, string channel, string mode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Refused a {Channel} webhook body: not an object with an 'entry' array")]
    private static partial void LogNotABatch(ILogger logger, string channel);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Ignored a {Channel} webhook batch for object '{Object}' (this route takes '{Expected}'): check the app's webhook subscriptions")]
    private static partial void LogOtherObject(ILogger logger, string channel, string @object, string expected);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Skipped a {Channel} webhook message the inbox refused: {Problem}")]
    private static partial void LogRejected(ILogger logger, string channel, string problem);
}
