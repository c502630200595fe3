using System.Globalization;
using SupportBot.Orders;

namespace SupportBot.Dialogs;

/// <summary>Where is my order: takes the order number from the customer's sentence or asks for it, then tells the status.</summary>
public sealed class OrderStatusDialog : Dialog<OrderStatusState>
{
    private readonly IOrderService _orders;

    public OrderStatusDialog(IOrderService orders)
    {
        _orders = orders;
    }

    public override string HelpText =>
        "I need your 5-digit order number to look up your order; it's in your confirmation email. Say **menu** to do something else.";

    protected override void Define(DialogSteps<OrderStatusState> steps) => steps
        .Form("order", form => form
            .Slot("order-number", OrderNumbers.Prompt(_orders, "What's your order number? It's the 5 digits in your confirmation email."), (s, v) => s.OrderNumber = v))
        .Step("status", async (d, ct) =>
        {
            var order = await _orders.FindAsync(d.State.OrderNumber!, ct);
            await d.ReplyAsync(Describe(order!), ct);
            d.Turn.ResolveJourney();
            return StepResult.End;
        });

    internal static string Describe(Order order) => order.Status switch
    {
        OrderStatus.Processing =>
            $"Order {order.Number} ({order.Description}) was placed on {Day(order.PlacedOn)} and is being packed. It usually ships within 2 working days.",
        OrderStatus.Shipped =>
            $"Order {order.Number} ({order.Description}) shipped on {Day(order.ShippedOn)} with {order.Carrier} and should arrive within 3 working days. [Track your parcel]({order.TrackingUrl}).",
        _ =>
            $"Order {order.Number} ({order.Description}) was delivered on {Day(order.DeliveredOn)}.",
    };

    private static string Day(DateOnly? date) => date?.ToString("d MMMM", CultureInfo.InvariantCulture) ?? "an unknown day";
}
