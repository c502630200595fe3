namespace SupportBot.Orders;

/// <summary>The shop's order system, as the support dialogs use it. Replace the sample with a client of your own.</summary>
public interface IOrderService
{
    Task<Order?> FindAsync(string orderNumber, CancellationToken cancellationToken);

    /// <summary>Books a return and returns its reference.</summary>
    Task<string> CreateReturnAsync(ReturnRequest request, CancellationToken cancellationToken);
}
