namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>How a delivery is signed or authorized.</summary>
public enum Credential
{
    /// <summary>As the provider (or a client with a valid token) sends it.</summary>
    Valid,

    /// <summary>A wrong signature, secret or token.</summary>
    Wrong,

    /// <summary>No signature, secret or token at all.</summary>
    Missing,
}
