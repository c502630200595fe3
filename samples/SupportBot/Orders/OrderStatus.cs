namespace SupportBot.Orders;

public enum OrderStatus
{
    Processing,
    Shipped,
    Delivered,
}
