namespace Omnichannel.Bots.Handoff;

/// <summary>The customer: our id, the name a channel gave, their tier, and every identity linked to them (<c>telegram:42</c>, <c>phone:+15551234567</c>, ...).</summary>
public sealed record PacketCustomer
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The customer's tier (<c>vip</c>, ...) when the bot knows one.</summary>
    public string? Tier { get; init; }

    public required IReadOnlyList<string> Identities { get; init; }
}
