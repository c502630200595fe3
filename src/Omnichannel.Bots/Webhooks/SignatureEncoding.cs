namespace Omnichannel.Bots.Webhooks;

/// <summary>How a provider writes a signature in its header.</summary>
public enum SignatureEncoding
{
    /// <summary>Lower- or upper-case hexadecimal (Meta's <c>X-Hub-Signature-256: sha256=…</c>).</summary>
    Hex,

    /// <summary>Base64 (Twilio's <c>X-Twilio-Signature</c>).</summary>
    Base64,
}
