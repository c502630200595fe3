namespace Omnichannel.Bots.Customers;

/// <summary>One identity key of a customer with its provenance: which channel vouched for it, how, and when.</summary>
/// <param name="Key">The key (<c>whatsapp:15551234567</c>, <c>phone:+15551234567</c>).</param>
/// <param name="Provenance">How it was verified; null for a phone or email key linked before provenance was recorded.</param>
/// <param name="VouchedBy">The channel that vouched for it; null when not recorded.</param>
/// <param name="LinkedAt">When it was linked.</param>
public sealed record IdentityLink(string Key, IdentityProvenance? Provenance, ChannelId? VouchedBy, DateTimeOffset LinkedAt);
