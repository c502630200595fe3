namespace Omnichannel.Bots.Customers;

/// <summary>
/// <see cref="IdentityProvenance"/> as stored and shown: kebab case (<c>provider-phone</c>), the text of the
/// <c>customer_identities.provenance</c> column and of the workspace API.
/// </summary>
public static class IdentityProvenanceText
{
    /// <summary>The provenance's text (<c>channel-address</c>, <c>provider-phone</c>, ...).</summary>
    public static string Of(IdentityProvenance provenance) => provenance switch
    {
        IdentityProvenance.ChannelAddress => "channel-address",
        IdentityProvenance.ProviderPhone => "provider-phone",
        IdentityProvenance.SharedContact => "shared-contact",
        IdentityProvenance.SignedIdentity => "signed-identity",
        IdentityProvenance.LinkCode => "link-code",
        IdentityProvenance.Agent => "agent",
        _ => throw new ArgumentOutOfRangeException(nameof(provenance), provenance, "Unknown identity provenance."),
    };

    /// <summary>The provenance a text names; null for null or a text no version wrote.</summary>
    public static IdentityProvenance? Parse(string? text) => text switch
    {
        "channel-address" => IdentityProvenance.ChannelAddress,
        "provider-phone" => IdentityProvenance.ProviderPhone,
        "shared-contact" => IdentityProvenance.SharedContact,
        "signed-identity" => IdentityProvenance.SignedIdentity,
        "link-code" => IdentityProvenance.LinkCode,
        "agent" => IdentityProvenance.Agent,
        _ => null,
    };
}
