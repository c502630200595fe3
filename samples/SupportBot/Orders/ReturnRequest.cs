namespace SupportBot.Orders;

public sealed record ReturnRequest(string OrderNumber, int Items, string Reason, DateOnly PickupOn, string LabelEmail, string CourierPhone);
