using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Who a web chat token speaks for. <see cref="Verified"/> users were signed by the embedding site, and only their
/// email and phone are used to recognise the customer on other channels (provenance <see cref="IdentityProvenance.SignedIdentity"/>);
/// anonymous visitors are just their id: a phone or email they give links nothing.
/// </summary>
public sealed record WebChatUser(string Id, string? Name = null, string? Email = null, string? Phone = null, bool Verified = false)
{
    public Participant ToParticipant() => Verified
        ? new Participant(Id, Name)
        {
            Email = Email,
            EmailProvenance = string.IsNullOrEmpty(Email) ? null : IdentityProvenance.SignedIdentity,
            PhoneNumber = Phone,
            PhoneNumberProvenance = string.IsNullOrEmpty(Phone) ? null : IdentityProvenance.SignedIdentity,
        }
        : new Participant(Id, Name);
}
