namespace Omnichannel.Bots.Customers;

/// <summary>An identity key a channel vouches for, and how (<see cref="IdentityProvenance"/>).</summary>
/// <param name="Key">The key: <c>telegram:12345</c>, <c>phone:+15551234567</c>, <c>email:jane@example.com</c>.</param>
/// <param name="Provenance">How it was verified.</param>
/// <param name="VouchedBy">The channel that vouched for it.</param>
public sealed record IdentityClaim(string Key, IdentityProvenance Provenance, ChannelId VouchedBy);
