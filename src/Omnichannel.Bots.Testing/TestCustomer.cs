namespace Omnichannel.Bots.Testing;

/// <summary>
/// Who writes in a test conversation. Give a <see cref="Phone"/> (E.164) to make the same customer recognisable on
/// SMS, WhatsApp and a signed-in web chat, as real channels do (the message states the phone as the provider's sender
/// number, or on web chat as a signed identity; an <see cref="Email"/> as a signed identity).
/// </summary>
public sealed record TestCustomer(string Id, string? Phone = null, string? Email = null)
{
    public static TestCustomer Default { get; } = new("customer-1");
}
