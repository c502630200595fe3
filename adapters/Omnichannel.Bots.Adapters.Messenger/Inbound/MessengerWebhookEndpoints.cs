using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Adapters.Meta;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Delivery;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// <c>GET|POST /api/channels/messenger</c> (mapped only when Messenger is enabled) through the shared
/// <see cref="MetaWebhook"/>: the subscription handshake, and signed batches of object <c>page</c>. Each entry is one
/// page's (<c>entry.id</c>; with <see cref="MessengerOptions.PageId"/> set, other pages' entries are ignored), and
/// each event of its <c>messaging</c> array is mapped on its own (<see cref="MessengerEventMapper"/>): a message goes
/// into the inbox (a repeated <c>mid</c> is stored once) and its attachments are queued to be kept
/// (<see cref="MessengerMediaDownloads"/>; the webhook does not wait for them), delivery reports to
/// <see cref="IDeliveryReports"/>. Customers' attachments are served at <c>GET /api/channels/messenger/media/{fileId}</c>
/// (<see cref="MessengerMediaEndpoint"/>). A
/// malformed event is logged and skipped without holding back the others; a storage failure is a 500, so Meta delivers
/// the batch again.
/// </summary>
internal sealed partial class MessengerWebhookEndpoints : IBotEndpoints
{
    public const string Path = "/api/channels/messenger";

    /// <summary>Where customers' attachments are served (<see cref="MessengerMediaLinks"/>).</summary>
    public const string MediaPath = Path + "/media";

    private readonly MessengerEventMapper _mapper;
    private readonly IMessageInbox _inbox;
    private readonly IDeliveryReports _reports;
    private readonly ICustomerFiles _files;
    private readonly MessengerMediaDownloads _downloads;
    private readonly MessengerMediaEndpoint _media;
    private readonly IOptions<MessengerOptions> _options;
    private readonly ILogger<MessengerWebhookEndpoints> _logger;

    public MessengerWebhookEndpoints(
        MessengerEventMapper mapper,
        IMessageInbox inbox,
        IDeliveryReports reports,
        ICustomerFiles files,
        MessengerMediaDownloads downloads,
        MessengerMediaEndpoint media,
        IOptions<MessengerOptions> options,
        ILogger<MessengerWebhookEndpoints> logger)
    {
        _mapper = mapper;
        _inbox = inbox;
        _reports = reports;
        _files = files;
        _downloads = downloads;
        _media = media;
        _options = options;
        _logger = logger;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        if (_options.Value.Enabled)
        {
            new MetaWebhook("Messenger", "page", () => _options.Value, _logger).Map(endpoints, Path, ReceiveEntryAsync);
            endpoints.MapGet(MediaPath + "/{fileId:regex(^[0-9a-f]{{32}}$)}", (Func<HttpContext, string, Task<IResult>>)_media.GetAsync);
        }
    }

    private async Task ReceiveEntryAsync(JsonElement entry, HttpContext http)
    {
        var pageId = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (string.IsNullOrEmpty(pageId))
        {
            throw new InboundMessageRejectedException(["the entry has no id (the page's id)"]);
        }

        if (_options.Value.PageId is { Length: > 0 } only && only != pageId)
        {
            LogOtherPage(_logger, pageId, only);
            return;
        }

        if (!entry.TryGetProperty("messaging", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            // Page feed changes ("changes") and standby events belong to other subscriptions.
            LogNoMessaging(_logger, pageId);
            return;
        }

        var links = new MessengerMediaLinks(_files, _options.Value.PublicBaseUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"));
        foreach (var messaging in events.EnumerateArray())
        {
            try
            {
                await ReceiveEventAsync(_mapper.Map(messaging, pageId, links), http.RequestAborted).ConfigureAwait(false);
            }
            catch (InboundMessageRejectedException ex)
            {
                LogRejected(_logger, pageId, ex.Message);
            }
        }
    }

    private async Task ReceiveEventAsync(MessengerEvent received, CancellationToken cancellationToken)
    {
        if (received.Message is { } message)
        {
            var receipt = await _inbox.SubmitAsync(message, cancellationToken).ConfigureAwait(false);
            if (receipt.IsDuplicate)
            {
                LogDuplicate(_logger, message.Id);
            }
            else
            {
                foreach (var media in received.Media)
                {
                    _downloads.Enqueue(media);
                }
            }
        }

        foreach (var report in received.Reports)
        {
            if (!await _reports.RecordAsync(report, cancellationToken).ConfigureAwait(false))
            {
                LogUnknownMid(_logger, report.ProviderMessageId);
            }
        }

        if (received.IgnoredBecause is { } reason)
        {
            LogIgnored(_logger, reason);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ignored a Messenger webhook entry for page {PageId}: Channels:Messenger:PageId is {ConfiguredPageId}")]
    private static partial void LogOtherPage(ILogger logger, string pageId, string configuredPageId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Ignored a Messenger webhook entry for page {PageId} without a messaging array")]
    private static partial void LogNoMessaging(ILogger logger, string pageId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Skipped a Messenger event for page {PageId}: {Problem}")]
    private static partial void LogRejected(ILogger logger, string pageId, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Messenger message {Mid} was already stored (a redelivery)")]
    private static partial void LogDuplicate(ILogger logger, string mid);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Messenger delivery of {Mid}, which no outbound message carries yet (kept a while)")]
    private static partial void LogUnknownMid(ILogger logger, string mid);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Ignored a Messenger event: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);
}
