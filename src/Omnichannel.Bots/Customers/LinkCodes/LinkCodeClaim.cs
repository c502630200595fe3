namespace Omnichannel.Bots.Customers;

/// <summary>What trying a code came to.</summary>
/// <param name="Status">Claimed, or why not.</param>
/// <param name="CustomerId">The code's customer (claimed, or already claimed by this sender).</param>
/// <param name="IssuedOn">The channel the code was asked on (when the code was found).</param>
/// <param name="RetryAfter">When a throttled sender may try again.</param>
public sealed record LinkCodeClaim(LinkCodeClaimStatus Status, string? CustomerId = null, ChannelId? IssuedOn = null, DateTimeOffset? RetryAfter = null);
