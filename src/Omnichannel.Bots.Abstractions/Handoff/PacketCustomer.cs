namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The customer: our id, the name a channel gave, what an agent calls them, their tier, every identity linked to them
/// (<c>telegram:42</c>, <c>phone:+15551234567</c>, ...), the verified ones with how they were verified, and the
/// channels they used.
/// </summary>
public sealed record PacketCustomer
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>
    /// Who the customer is to an agent, never an internal or conversation id: their name, else a verified phone
    /// number or email, else "Customer on web chat".
    /// </summary>
    public required string DisplayName { get; init; }

    /// <summary>The identifiers linked with a recorded verification (phone numbers and emails first), oldest link first.</summary>
    public IReadOnlyList<PacketIdentity> VerifiedIdentities { get; init; } = [];

    /// <summary>The channels the customer used (<c>whatsapp</c>, <c>sms</c>, ...), most recent first.</summary>
    public IReadOnlyList<string> ChannelsUsed { get; init; } = [];

    /// <summary>The customer's tier (<c>vip</c>, ...) when the bot knows one.</summary>
    public string? Tier { get; init; }

    public required IReadOnlyList<string> Identities { get; init; }
}
