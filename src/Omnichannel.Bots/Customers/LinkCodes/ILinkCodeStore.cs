namespace Omnichannel.Bots.Customers;

/// <summary>
/// Where link codes are kept (hashed) and used up. Each call is one atomic step, so two senders racing for one code
/// cannot both have it, and throttling is decided with the attempt it throttles.
/// </summary>
public interface ILinkCodeStore
{
    /// <summary>
    /// Stores a new code unless the customer was given <see cref="RateLimit.PermitLimit"/> codes within
    /// <see cref="RateLimit.Window"/> of <paramref name="limit"/>; an unused earlier code of the customer for the same
    /// channel stops working. False when refused.
    /// </summary>
    Task<bool> TryIssueAsync(LinkCodeGrant grant, RateLimit limit, CancellationToken cancellationToken);

    /// <summary>Uses up the code with <paramref name="attempt"/>'s hash for its sender, or says why not (a wrong code counts against the sender).</summary>
    Task<LinkCodeClaim> ClaimAsync(LinkCodeAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Makes a claimed code usable again (the link it was claimed for failed).</summary>
    Task ReleaseAsync(string codeHash, CancellationToken cancellationToken);
}
