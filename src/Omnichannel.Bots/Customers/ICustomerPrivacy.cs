namespace Omnichannel.Bots.Customers;

/// <summary>
/// A customer's data rights: everything stored about them exported as one JSON document, or erased from every store
/// (transcript, inbox, state, tickets with their notes, ratings and webhook state, uploads, identity keys, and whatever
/// else a feature keeps), so that afterwards none of their identifiers or message texts remain, not even in the
/// database file's free pages. <c>omnibot customers export|erase</c> and the admin workspace API call it.
/// </summary>
public interface ICustomerPrivacy
{
    /// <summary>The customer <paramref name="identityKey"/> (<c>phone:+15551234567</c>, <c>telegram:12345</c>) is linked to; null when none.</summary>
    Task<string?> FindByIdentityAsync(string identityKey, CancellationToken cancellationToken);

    /// <summary>
    /// Everything stored about the customer as one JSON object (UTF-8 text): <c>customerId</c>, <c>exportedAt</c>, one
    /// property per feature (<c>core</c>, <c>handoff</c>, <c>webchat</c>, ...) with its rows, and <c>files</c> (the
    /// uploads' descriptions, not their bytes). Null when there is no such customer.
    /// </summary>
    Task<string?> ExportAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes everything stored about the customer, in every feature at once, then their files, then rewrites the
    /// database so no deleted bytes remain in it. Null when there is no such customer. Cannot be undone.
    /// </summary>
    Task<CustomerErasure?> EraseAsync(string customerId, CancellationToken cancellationToken);
}
