namespace SupportBot.Orders;

/// <summary>An order as the shop's order system knows it.</summary>
public sealed record Order(
    string Number,
    string Description,
    int Items,
    OrderStatus Status,
    DateOnly PlacedOn,
    DateOnly? ShippedOn = null,
    DateOnly? DeliveredOn = null,
    string? Carrier = null,
    Uri? TrackingUrl = null);
