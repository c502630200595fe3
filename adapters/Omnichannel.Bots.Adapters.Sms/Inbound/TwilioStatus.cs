namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// A status callback ("Track the message status of outbound messages": <c>MessageSid</c>, <c>MessageStatus</c>,
/// <c>ErrorCode</c>) as a <see cref="DeliveryReport"/>: sent, delivered and read as they are, undelivered, failed and
/// canceled as failed with Twilio's error code (30003 "Unreachable destination handset", ...). Statuses before the
/// carrier has it (accepted, scheduled, queued, sending) and ones Twilio may add later report nothing.
/// </summary>
internal static class TwilioStatus
{
    public static (DeliveryReport? Report, string? Problem) Read(TwilioRequest request, DateTimeOffset now)
    {
        var sid = request["MessageSid"] ?? request["SmsSid"];
        if (sid is null)
        {
            return (null, "The status callback has no MessageSid.");
        }

        var status = request["MessageStatus"] ?? request["SmsStatus"];
        if (status is null)
        {
            return (null, "The status callback has no MessageStatus.");
        }

        DeliveryStatus? mapped = status.ToUpperInvariant() switch
        {
            "SENT" => DeliveryStatus.Sent,
            "DELIVERED" => DeliveryStatus.Delivered,
            "READ" => DeliveryStatus.Read,
            "UNDELIVERED" or "FAILED" or "CANCELED" => DeliveryStatus.Failed,
            _ => null,
        };
        if (mapped is not { } delivery)
        {
            return (null, null);
        }

        return (new DeliveryReport(ChannelId.Sms, sid, delivery, now)
        {
            ErrorCode = delivery == DeliveryStatus.Failed ? request["ErrorCode"] : null,
            ErrorMessage = delivery == DeliveryStatus.Failed ? request["ErrorMessage"] ?? $"Twilio reported the message {status.ToLowerInvariant()}" : null,
        }, null);
    }
}
