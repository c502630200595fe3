namespace Omnichannel.Bots.Customers;

/// <summary>What linking a key did: the customer that holds it now, and the merge it caused (null when none).</summary>
public sealed record LinkResult(string CustomerId, CustomerMerge? Merge);
