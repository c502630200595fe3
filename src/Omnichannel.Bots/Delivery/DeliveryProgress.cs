namespace Omnichannel.Bots.Delivery;

/// <summary>
/// The order of delivery statuses, which a message's current status only ever moves forward in: sent, failed,
/// delivered, read. Providers report out of order (a read receipt can overtake the delivery receipt) and repeat
/// themselves; a report that does not move the message forward is kept as history only. Failed ranks above sent (the
/// provider gave up after accepting it) and below delivered (a message that reached the device did not fail).
/// </summary>
public static class DeliveryProgress
{
    /// <summary>True when <paramref name="next"/> moves a message whose status is <paramref name="current"/> (null: none yet) forward.</summary>
    public static bool Advances(DeliveryStatus? current, DeliveryStatus next) =>
        current is not { } status || Rank(next) > Rank(status);

    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => 0,
        DeliveryStatus.Failed => 1,
        DeliveryStatus.Delivered => 2,
        DeliveryStatus.Read => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a delivery status."),
    };
}
