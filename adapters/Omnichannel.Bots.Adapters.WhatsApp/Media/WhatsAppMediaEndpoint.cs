using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Adapters.Meta;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// <c>GET /api/channels/whatsapp/media/{mediaId}?c=&amp;sig=</c>, the link on a customer's WhatsApp attachment
/// (<see cref="WhatsAppMediaLinks"/>). 401 without a signature, 404 with a wrong one (checked once; the store is then asked by id). The first open fetches the media
/// through the Graph API ("Media → Retrieve media URL": <c>GET /{version}/{media-id}</c> gives a short-lived
/// <c>url</c>, downloaded with the same token) into the host's file store, counted against conversation <c>c</c>;
/// every later open is served from the store without calling Meta. Media over
/// <see cref="WhatsAppOptions.MaxMediaBytes"/> (or over the conversation's quota) gets 413 and nothing is kept; a
/// Graph API refusal or silence, or a download that breaks off, is 502 with what went wrong. Simultaneous first opens of one media download it once. Served with the stored content type, inline only for plain
/// images, audio and video (anything else as a download), never sniffed.
/// </summary>
internal sealed partial class WhatsAppMediaEndpoint
{
    private readonly GraphApi _graph;
    private readonly ICustomerFiles _files;
    private readonly IOptions<WhatsAppOptions> _options;
    private readonly ILogger<WhatsAppMediaEndpoint> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _downloads = new(StringComparer.Ordinal);

    public WhatsAppMediaEndpoint(GraphApi graph, ICustomerFiles files, IOptions<WhatsAppOptions> options, ILogger<WhatsAppMediaEndpoint> logger)
    {
        _graph = graph;
        _files = files;
        _options = options;
        _logger = logger;
    }

    public async Task<IResult> GetAsync(HttpContext http, string mediaId)
    {
        string? signature = http.Request.Query["sig"];
        if (string.IsNullOrEmpty(signature))
        {
            return Results.Text("The media link has no signature (sig).", statusCode: StatusCodes.Status401Unauthorized);
        }

        string? conversation = http.Request.Query["c"];
        if (string.IsNullOrEmpty(conversation) || !conversation.All(char.IsAsciiDigit))
        {
            return Results.Text("The media link names no WhatsApp conversation (c).", statusCode: StatusCodes.Status400BadRequest);
        }

        // The signature covers the conversation too, so a link cannot be pointed at another conversation's quota.
        var id = WhatsAppMediaLinks.FileId(_files, conversation, mediaId);
        if (!HmacSignatureVerifier.SecretsMatch(_files.Sign(id), signature))
        {
            return Results.Text("There is no such media, or the link's signature is wrong.", statusCode: StatusCodes.Status404NotFound);
        }

        if (_files.Find(id) is { } kept)
        {
            return CustomerFileResponses.Serve(http, kept);
        }

        // Two first opens at once (the bot and an agent) download once: the second waits and is served from the store.
        var gate = _downloads.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(http.RequestAborted).ConfigureAwait(false);
        try
        {
            return _files.Find(id) is { } keptMeanwhile
                ? CustomerFileResponses.Serve(http, keptMeanwhile)
                : await DownloadAsync(http, id, mediaId, conversation).ConfigureAwait(false);
        }
        catch (GraphApiException ex)
        {
            LogDownloadFailed(_logger, mediaId, ex.Message);
            return Results.Text($"WhatsApp did not give the media: {ex.Error?.ToString() ?? ex.Message}", statusCode: StatusCodes.Status502BadGateway);
        }
        catch (Exception ex) when (ex is HttpRequestException or HttpIOException && !http.RequestAborted.IsCancellationRequested)
        {
            // The download broke off midway: the store kept nothing of it, and the next open tries again.
            LogDownloadFailed(_logger, mediaId, ex.Message);
            return Results.Text($"WhatsApp's media download broke off: {ex.Message}", statusCode: StatusCodes.Status502BadGateway);
        }
        finally
        {
            gate.Release();
            if (gate.CurrentCount == 1)
            {
                // Nobody waits: forgotten, so the map holds only downloads under way (a late waiter makes a new gate and finds the file).
                _downloads.TryRemove(new KeyValuePair<string, SemaphoreSlim>(id, gate));
            }
        }
    }

    private async Task<IResult> DownloadAsync(HttpContext http, string id, string mediaId, string conversation)
    {
        var options = _options.Value;
        var maxBytes = options.MaxMediaBytes;
        Uri? url;
        string contentType;
        using (var info = await _graph.GetAsync(options, Uri.EscapeDataString(mediaId), options.AccessToken!, http.RequestAborted).ConfigureAwait(false))
        {
            var root = info.RootElement;
            url = Uri.TryCreate(WhatsAppMessageMapper.Text(root, "url"), UriKind.Absolute, out var parsed) ? parsed : null;
            contentType = WhatsAppMessageMapper.Text(root, "mime_type") is { Length: > 0 } mime ? mime.Split(';')[0].Trim() : "application/octet-stream";
            if (root.TryGetProperty("file_size", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var bytes) && bytes > maxBytes)
            {
                return TooLarge(string.Create(CultureInfo.InvariantCulture, $"The media is {bytes} bytes; Channels:WhatsApp:MaxMediaBytes allows {maxBytes}."));
            }
        }

        if (url is null)
        {
            return Results.Text("WhatsApp's answer for the media has no download url.", statusCode: StatusCodes.Status502BadGateway);
        }

        using var response = await _graph.DownloadAsync(url, options.AccessToken!, http.RequestAborted).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            return TooLarge(string.Create(CultureInfo.InvariantCulture, $"The media is {length} bytes; Channels:WhatsApp:MaxMediaBytes allows {maxBytes}."));
        }

        var content = await response.Content.ReadAsStreamAsync(http.RequestAborted).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            var save = await _files.SaveAsync(id, WhatsAppMediaLinks.QuotaKey(conversation), content, contentType, name: null, maxBytes, http.RequestAborted).ConfigureAwait(false);
            if (!save.Saved)
            {
                return TooLarge(save.Refusal ?? "The file store refused the media.");
            }

            LogKept(_logger, mediaId, save.File!.Bytes);
        }

        return _files.Find(id) is { } kept
            ? CustomerFileResponses.Serve(http, kept)
            : Results.Text("The media was saved but cannot be found.", statusCode: StatusCodes.Status500InternalServerError);
    }

    private static IResult TooLarge(string why) => Results.Text(why, statusCode: StatusCodes.Status413PayloadTooLarge);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not fetch WhatsApp media {MediaId}: {Problem}")]
    private static partial void LogDownloadFailed(ILogger logger, string mediaId, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Kept WhatsApp media {MediaId} ({Bytes} bytes) in the file store")]
    private static partial void LogKept(ILogger logger, string mediaId, long bytes);
}
