namespace Omnichannel.Bots;

/// <summary>
/// A customer as a channel identifies them. <see cref="PhoneNumber"/> (E.164) and <see cref="Email"/> are set only
/// when the channel vouches for them (the sender of an SMS or a WhatsApp message, a signed-in web visitor), and are
/// what links one customer's identities across channels.
/// </summary>
public sealed record Participant(string Id, string? Name = null)
{
    public string? PhoneNumber { get; init; }

    public string? Email { get; init; }
}
