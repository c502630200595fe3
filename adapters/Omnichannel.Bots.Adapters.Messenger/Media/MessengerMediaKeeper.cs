using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// Downloads a customer's attachment from the CDN URL Meta sent (a plain GET: Messenger's attachment URLs are signed
/// themselves and take no token) into the host's file store, counted against the customer's conversation and limited to
/// <see cref="MessengerOptions.MaxMediaBytes"/>, with the content type the CDN answers with (never sniffed). An
/// attachment already kept is returned without fetching; two keeps of one attachment at once are safe (the store keeps
/// the first).
/// </summary>
internal sealed partial class MessengerMediaKeeper
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client for Meta's CDN.</summary>
    public const string HttpClientName = "Omnichannel.Bots.Adapters.Messenger.Cdn";

    private readonly IHttpClientFactory _http;
    private readonly ICustomerFiles _files;
    private readonly IOptions<MessengerOptions> _options;
    private readonly ILogger<MessengerMediaKeeper> _logger;

    public MessengerMediaKeeper(IHttpClientFactory http, ICustomerFiles files, IOptions<MessengerOptions> options, ILogger<MessengerMediaKeeper> logger)
    {
        _http = http;
        _files = files;
        _options = options;
        _logger = logger;
    }

    public async Task<MessengerMediaKept> KeepAsync(MessengerMedia media, CancellationToken cancellationToken)
    {
        if (_files.Find(media.FileId) is { } kept)
        {
            return MessengerMediaKept.Of(kept);
        }

        var maxBytes = _options.Value.MaxMediaBytes;
        HttpResponseMessage response;
        try
        {
            response = await _http.CreateClient(HttpClientName).GetAsync(media.CdnUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unavailable(media, $"Messenger's CDN ({media.CdnUrl.Host}) gave no answer for the attachment: {ex.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return Unavailable(media, string.Create(
                    CultureInfo.InvariantCulture,
                    $"Messenger's CDN refused the attachment ({(int)response.StatusCode} {response.ReasonPhrase}): its URL has probably expired and it was not kept in time; ask the customer to send it again."));
            }

            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                return TooLarge(media, string.Create(CultureInfo.InvariantCulture, $"The attachment is {length} bytes; {MessengerOptions.SectionName}:MaxMediaBytes allows {maxBytes}."));
            }

            var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (content.ConfigureAwait(false))
            {
                CustomerFileSave save;
                try
                {
                    save = await _files.SaveAsync(media.FileId, MessengerMediaLinks.QuotaKey(media.Psid), content, contentType, name: null, maxBytes, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or HttpIOException)
                {
                    return Unavailable(media, $"Messenger's CDN ({media.CdnUrl.Host}) broke off the attachment: {ex.Message}");
                }

                if (!save.Saved)
                {
                    return TooLarge(media, save.Refusal ?? "The file store refused the attachment.");
                }

                LogKept(_logger, media.FileId, media.Psid, save.File!.Bytes);
                return MessengerMediaKept.Of(save.File);
            }
        }
    }

    private MessengerMediaKept Unavailable(MessengerMedia media, string why)
    {
        LogNotKept(_logger, media.FileId, media.Psid, why);
        return MessengerMediaKept.Unavailable(why);
    }

    private MessengerMediaKept TooLarge(MessengerMedia media, string why)
    {
        LogNotKept(_logger, media.FileId, media.Psid, why);
        return MessengerMediaKept.Refused(why);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Kept Messenger attachment {FileId} of {Psid} ({Bytes} bytes) in the file store")]
    private static partial void LogKept(ILogger logger, string fileId, string psid, long bytes);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Did not keep Messenger attachment {FileId} of {Psid}: {Problem}")]
    private static partial void LogNotKept(ILogger logger, string fileId, string psid, string problem);
}
