using System.Collections.Concurrent;
using System.Globalization;

namespace SupportBot.Orders;

/// <summary>
/// A small in-memory order book for the sample, dated relative to today so that the return window behaves the same
/// whenever the sample runs: 12345 shipped, 23456 delivered 5 days ago, 34567 still processing, 45678 delivered 45
/// days ago (outside the 30-day return window).
/// </summary>
public sealed class SampleOrderService : IOrderService
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ReturnRequest> _returns = new(StringComparer.Ordinal);

    public SampleOrderService(TimeProvider time)
    {
        _time = time;
    }

    public IReadOnlyCollection<ReturnRequest> Returns => [.. _returns.Values];

    public Task<Order?> FindAsync(string orderNumber, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        Order? order = orderNumber switch
        {
            "12345" => new("12345", "Trail running shoes", 1, OrderStatus.Shipped, today.AddDays(-4), ShippedOn: today.AddDays(-2),
                Carrier: "DHL", TrackingUrl: new Uri("https://tracking.example.com/DHL/JD014600003828")),
            "23456" => new("23456", "Rain jacket and two merino T-shirts", 3, OrderStatus.Delivered, today.AddDays(-9), ShippedOn: today.AddDays(-7),
                DeliveredOn: today.AddDays(-5), Carrier: "UPS"),
            "34567" => new("34567", "Camping stove", 1, OrderStatus.Processing, today.AddDays(-1)),
            "45678" => new("45678", "Hiking poles", 2, OrderStatus.Delivered, today.AddDays(-50), ShippedOn: today.AddDays(-48),
                DeliveredOn: today.AddDays(-45), Carrier: "UPS"),
            _ => null,
        };
        return Task.FromResult(order);
    }

    public Task<string> CreateReturnAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = "R-" + request.OrderNumber + "-" + (_returns.Count + 1).ToString(CultureInfo.InvariantCulture);
        _returns[reference] = request;
        return Task.FromResult(reference);
    }
}
