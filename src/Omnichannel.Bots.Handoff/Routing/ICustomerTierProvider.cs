namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// The customer's tier (<c>vip</c>, <c>gold</c>, ...) for routing rules and the packet; null for none. The default reads
/// <c>Handoff:Tiers</c> (identity key → tier); register your own to ask a CRM.
/// </summary>
public interface ICustomerTierProvider
{
    ValueTask<string?> GetTierAsync(CustomerRecord customer, CancellationToken cancellationToken);
}
