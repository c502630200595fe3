namespace Omnichannel.Bots.Customers;

/// <summary>One identity key of a customer with its provenance: which channel vouched for it, how, and when.</summary>
public sealed record IdentityLink(string Key, IdentityProvenance Provenance, ChannelId? VouchedBy, DateTimeOffset LinkedAt);
