using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Delivery;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// Takes one entry of a verified <c>whatsapp_business_account</c> batch (WhatsApp Cloud API "Webhooks → Components":
/// <c>entry[].changes[]</c> with <c>field</c> and <c>value</c>). Only <c>messages</c> changes for the configured
/// <see cref="WhatsAppOptions.PhoneNumberId"/> (<c>value.metadata.phone_number_id</c>) are taken; another number's
/// changes (a second number on the same app) and other fields are logged and ignored. In a change, every message goes
/// to the inbox in order (one that cannot be read is logged and skipped, never holding back the rest), every status to
/// <see cref="IDeliveryReports"/>, and change-level <c>errors</c> are logged.
/// </summary>
internal sealed partial class WhatsAppEntryReceiver
{
    private readonly IMessageInbox _inbox;
    private readonly IDeliveryReports _reports;
    private readonly ICustomerFiles _files;
    private readonly IOptions<WhatsAppOptions> _options;
    private readonly ILogger<WhatsAppEntryReceiver> _logger;

    public WhatsAppEntryReceiver(IMessageInbox inbox, IDeliveryReports reports, ICustomerFiles files, IOptions<WhatsAppOptions> options, ILogger<WhatsAppEntryReceiver> logger)
    {
        _inbox = inbox;
        _reports = reports;
        _files = files;
        _options = options;
        _logger = logger;
    }

    public async Task ReceiveAsync(JsonElement entry, HttpContext http)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            throw new InboundMessageRejectedException(["the entry has no 'changes' array"]);
        }

        foreach (var change in changes.EnumerateArray())
        {
            var field = WhatsAppMessageMapper.Text(change, "field");
            if (field != "messages" || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
            {
                LogOtherField(_logger, field ?? "(none)");
                continue;
            }

            var phoneNumberId = value.TryGetProperty("metadata", out var metadata) ? WhatsAppMessageMapper.Text(metadata, "phone_number_id") : null;
            if (phoneNumberId is null || phoneNumberId != _options.Value.PhoneNumberId)
            {
                LogOtherNumber(_logger, phoneNumberId ?? "(none)", _options.Value.PhoneNumberId!);
                continue;
            }

            await ReceiveMessagesAsync(value, phoneNumberId, http).ConfigureAwait(false);
            await ReceiveStatusesAsync(value, http.RequestAborted).ConfigureAwait(false);
            foreach (var error in Array(value, "errors"))
            {
                LogChangeError(_logger, WhatsAppWebhookErrors.Describe(error));
            }
        }
    }

    private async Task ReceiveMessagesAsync(JsonElement value, string phoneNumberId, HttpContext http)
    {
        var messages = Array(value, "messages");
        if (messages.Count == 0)
        {
            return;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contact in Array(value, "contacts"))
        {
            if (WhatsAppMessageMapper.Text(contact, "wa_id") is { } waId && contact.TryGetProperty("profile", out var profile)
                && WhatsAppMessageMapper.Text(profile, "name") is { Length: > 0 } name)
            {
                names[waId] = name;
            }
        }

        var links = new WhatsAppMediaLinks(_files, PublicBase(http));
        foreach (var message in messages)
        {
            WhatsAppInbound inbound;
            try
            {
                inbound = WhatsAppMessageMapper.Map(message, phoneNumberId, names, links);
            }
            catch (InboundMessageRejectedException ex)
            {
                LogUnreadable(_logger, ex.Message);
                continue;
            }

            if (inbound.Message is not { } mapped)
            {
                LogIgnored(_logger, WhatsAppMessageMapper.Text(message, "id") ?? "(no id)", inbound.IgnoredBecause!);
                continue;
            }

            try
            {
                if ((await _inbox.SubmitAsync(mapped, http.RequestAborted).ConfigureAwait(false)).IsDuplicate)
                {
                    LogDuplicate(_logger, mapped.Id);
                }
            }
            catch (InboundMessageRejectedException ex)
            {
                LogUnreadable(_logger, ex.Message);
            }
        }
    }

    private async Task ReceiveStatusesAsync(JsonElement value, CancellationToken cancellationToken)
    {
        foreach (var status in Array(value, "statuses"))
        {
            var (report, problem) = WhatsAppStatus.Read(status);
            if (problem is not null)
            {
                LogUnreadable(_logger, problem);
            }
            else if (report is not null && !await _reports.RecordAsync(report, cancellationToken).ConfigureAwait(false))
            {
                LogUnknownMessage(_logger, report.ProviderMessageId, report.Status);
            }
        }
    }

    private Uri PublicBase(HttpContext http) =>
        _options.Value.PublicBaseUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}");

    private static List<JsonElement> Array(JsonElement value, string name) =>
        value.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ignored a WhatsApp webhook change for field '{Field}': only 'messages' is read (check the app's webhook fields)")]
    private static partial void LogOtherField(ILogger logger, string field);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Ignored a WhatsApp webhook change for phone number id {PhoneNumberId}: Channels:WhatsApp:PhoneNumberId is {Configured}")]
    private static partial void LogOtherNumber(ILogger logger, string phoneNumberId, string configured);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Skipped a WhatsApp webhook message or status that cannot be read: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "WhatsApp message {MessageId} ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "WhatsApp message {MessageId} was already stored (a redelivery)")]
    private static partial void LogDuplicate(ILogger logger, string messageId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "WhatsApp status {Status} for {MessageId}, which no outbound message carries yet (kept a while)")]
    private static partial void LogUnknownMessage(ILogger logger, string messageId, DeliveryStatus status);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "WhatsApp reported an error in a webhook change: {Error}")]
    private static partial void LogChangeError(ILogger logger, string error);
}
