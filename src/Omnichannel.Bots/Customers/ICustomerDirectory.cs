namespace Omnichannel.Bots.Customers;

/// <summary>Reads who a customer is (for the agent queue, the handoff packet and the admin API).</summary>
public interface ICustomerDirectory
{
    /// <summary>The customer's profile; null when there is no such customer (never was, merged away or erased).</summary>
    Task<CustomerProfile?> GetAsync(string customerId, CancellationToken cancellationToken);
}
