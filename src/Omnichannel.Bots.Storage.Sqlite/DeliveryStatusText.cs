namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>How a <see cref="DeliveryStatus"/> is written in the database: <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>.</summary>
internal static class DeliveryStatusText
{
    public static string Of(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Read => "read",
        DeliveryStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a delivery status."),
    };

    public static DeliveryStatus Parse(string text) => text switch
    {
        "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        "read" => DeliveryStatus.Read,
        "failed" => DeliveryStatus.Failed,
        _ => throw new InvalidOperationException($"'{text}' is not a stored delivery status."),
    };
}
