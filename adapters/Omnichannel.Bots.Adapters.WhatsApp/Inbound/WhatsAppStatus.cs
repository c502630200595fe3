using System.Globalization;
using System.Text.Json;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// A status of a message the bot sent (WhatsApp Cloud API "Webhooks → Messages → Status": <c>id</c> (the wamid the send
/// returned), <c>status</c>, <c>timestamp</c>, <c>errors</c>) as a <see cref="DeliveryReport"/>: sent, delivered and read
/// as they are, failed with the first error's code and words (<c>131047</c>, "Re-engagement message: ..."), at the
/// payload's time. Other statuses (<c>deleted</c>, <c>warning</c>, ones Meta may add) report nothing.
/// </summary>
internal static class WhatsAppStatus
{
    public static (DeliveryReport? Report, string? Problem) Read(JsonElement status)
    {
        var id = WhatsAppMessageMapper.Text(status, "id");
        var state = WhatsAppMessageMapper.Text(status, "status");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(state))
        {
            return (null, "a status without an id or status");
        }

        if (!long.TryParse(WhatsAppMessageMapper.Text(status, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is <= 0 or >= 253402300799)
        {
            return (null, $"status '{state}' of {id} has no unix timestamp");
        }

        DeliveryStatus? mapped = state switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        if (mapped is not { } delivery)
        {
            return (null, null);
        }

        var error = delivery == DeliveryStatus.Failed && status.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            ? errors[0]
            : default;
        return (new DeliveryReport(ChannelId.WhatsApp, id, delivery, DateTimeOffset.FromUnixTimeSeconds(seconds))
        {
            ErrorCode = error.ValueKind == JsonValueKind.Object ? WhatsAppWebhookErrors.Code(error) : null,
            ErrorMessage = delivery != DeliveryStatus.Failed ? null
                : error.ValueKind == JsonValueKind.Object ? WhatsAppWebhookErrors.Words(error)
                : "WhatsApp reported the message failed without a reason",
        }, null);
    }
}
