namespace Omnichannel.Bots.Handoff;

/// <summary>
/// One verified identifier of the customer, as an agent should trust it: the key (<c>phone:+15551234567</c>), its
/// value (<c>+15551234567</c>), how it was verified (<c>provider-phone</c>, <c>shared-contact</c>,
/// <c>signed-identity</c>, <c>link-code</c>, <c>agent</c>, <c>channel-address</c>), which channel vouched and when.
/// </summary>
public sealed record PacketIdentity
{
    public required string Key { get; init; }

    /// <summary>What the key names: <c>phone</c>, <c>email</c>, or the channel of a channel address (<c>telegram</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>The key without its kind: the phone number, the email address, the id on the channel.</summary>
    public required string Value { get; init; }

    public required string Provenance { get; init; }

    /// <summary>The channel that vouched for it; null when not recorded.</summary>
    public string? VouchedBy { get; init; }

    public required DateTimeOffset LinkedAt { get; init; }
}
