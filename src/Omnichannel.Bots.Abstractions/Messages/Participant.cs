using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots;

/// <summary>
/// A customer as a channel identifies them. <see cref="PhoneNumber"/> (E.164) and <see cref="Email"/> are what link
/// one customer's identities across channels, and only when the channel states how it verified them
/// (<see cref="PhoneNumberProvenance"/>, <see cref="EmailProvenance"/>): the sender of an SMS or a WhatsApp message, a
/// Telegram contact shared by its owner, a signed-in web visitor. A number or address without a provenance is shown
/// but never links.
/// </summary>
public sealed record Participant(string Id, string? Name = null)
{
    public string? PhoneNumber { get; init; }

    public string? Email { get; init; }

    /// <summary>How the channel verified <see cref="PhoneNumber"/>; null: it did not, and the number links nothing.</summary>
    public IdentityProvenance? PhoneNumberProvenance { get; init; }

    /// <summary>How the channel verified <see cref="Email"/>; null: it did not, and the address links nothing.</summary>
    public IdentityProvenance? EmailProvenance { get; init; }
}
