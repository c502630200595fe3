using System.Security.Cryptography;
using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Adapters.Meta;

/// <summary>
/// Meta's <c>X-Hub-Signature-256</c> ("Webhooks → Validate payloads"): <c>sha256=</c> and the lowercase hex HMAC-SHA256 of
/// the raw request body, keyed with the app secret. Computed over the bytes as received, before any parsing: Meta escapes
/// non-ASCII text (<c>\u00e9</c>) in the body it signs, so re-serialized JSON would not match. Checked in constant time
/// by the one <see cref="HmacSignatureVerifier"/>.
/// </summary>
public sealed class MetaSignature
{
    public const string Header = "X-Hub-Signature-256";

    private readonly HmacSignatureVerifier _verifier;

    public MetaSignature(string appSecret)
    {
        _verifier = new HmacSignatureVerifier(HashAlgorithmName.SHA256, SignatureEncoding.Hex, appSecret, prefix: "sha256=");
    }

    /// <summary>True when <paramref name="signature"/> (the header's value) signs <paramref name="body"/>.</summary>
    public bool IsValid(ReadOnlySpan<byte> body, string? signature) => _verifier.IsValid(body, signature);

    /// <summary>The header value Meta would send for <paramref name="body"/> (tests and tools).</summary>
    public string Sign(ReadOnlySpan<byte> body) => _verifier.Sign(body);
}
