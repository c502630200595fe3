namespace Omnichannel.Bots.Handoff;

/// <summary>
/// A fact the customer gave: <see cref="Kind"/> is <c>order_number</c>, <c>email</c>, <c>phone</c> or <c>amount</c>;
/// <see cref="Value"/> is normalized (E.164 phone, lower-case email, <c>120.50 EUR</c>); <see cref="Text"/> is as typed.
/// </summary>
public sealed record PacketEntity(string Kind, string Value, string Text)
{
    /// <summary>When the customer wrote it.</summary>
    public DateTimeOffset? At { get; init; }
}
