namespace Omnichannel.Bots.Customers;

/// <summary>
/// Changes the identity graph: every link is recorded with its provenance. Linking a key another customer already
/// holds proves the two are one person, so they are merged (the rule for which one stays is the implementation's,
/// documented there); unlinking is an agent's correction and is recorded too.
/// </summary>
public interface ICustomerLinks
{
    /// <summary>Links <paramref name="claim"/>'s key to <paramref name="customerId"/>, merging with its current holder.</summary>
    Task<LinkResult> LinkAsync(string customerId, IdentityClaim claim, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="key"/> from <paramref name="customerId"/> on <paramref name="actor"/>'s word; false when it was not theirs.</summary>
    Task<bool> UnlinkAsync(string customerId, string key, string actor, CancellationToken cancellationToken);
}
