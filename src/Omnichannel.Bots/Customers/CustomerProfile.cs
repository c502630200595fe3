namespace Omnichannel.Bots.Customers;

/// <summary>
/// Who a customer is, as agents see them: the name a channel gave (the latest known), their verified identity keys
/// with provenance, and the channels they used, most recent first.
/// </summary>
public sealed record CustomerProfile(
    string Id,
    string? Name,
    IReadOnlyList<IdentityLink> Identities,
    IReadOnlyList<ChannelId> Channels,
    DateTimeOffset CreatedAt);
