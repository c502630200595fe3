using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Bots.Webhooks;

/// <summary>
/// The one verifier for HMAC-signed webhooks: computes the HMAC of the exact bytes the provider signed (the raw request
/// body, or Twilio's URL-and-parameters string) and compares it with the presented signature in constant time. A
/// missing, malformed or wrongly prefixed signature is simply invalid; nothing here throws on client input.
/// </summary>
public sealed class HmacSignatureVerifier
{
    private readonly HashAlgorithmName _algorithm;
    private readonly SignatureEncoding _encoding;
    private readonly byte[] _key;
    private readonly string _prefix;

    /// <param name="algorithm">SHA-256 (Meta) or SHA-1 (Twilio); SHA-384 and SHA-512 also work.</param>
    /// <param name="encoding">How the header writes the signature.</param>
    /// <param name="secret">The shared secret (an app secret, an auth token), as the provider shows it.</param>
    /// <param name="prefix">Text before the signature in the header, such as <c>sha256=</c> (compared ignoring case).</param>
    public HmacSignatureVerifier(HashAlgorithmName algorithm, SignatureEncoding encoding, string secret, string prefix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(prefix);
        if (algorithm != HashAlgorithmName.SHA1 && algorithm != HashAlgorithmName.SHA256
            && algorithm != HashAlgorithmName.SHA384 && algorithm != HashAlgorithmName.SHA512)
        {
            throw new ArgumentException($"HMAC with {algorithm.Name} is not supported.", nameof(algorithm));
        }

        _algorithm = algorithm;
        _encoding = encoding;
        _key = Encoding.UTF8.GetBytes(secret);
        _prefix = prefix;
    }

    /// <summary>True when <paramref name="signature"/> (the header's whole value) is the HMAC of <paramref name="signedBytes"/>.</summary>
    public bool IsValid(ReadOnlySpan<byte> signedBytes, string? signature)
    {
        if (signature is null || !signature.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Decode(signature.AsSpan(_prefix.Length).Trim());
        if (presented is null)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[64];
        var written = CryptographicOperations.HmacData(_algorithm, _key, signedBytes, expected);
        return CryptographicOperations.FixedTimeEquals(expected[..written], presented);
    }

    /// <summary>The signature this verifier accepts for <paramref name="signedBytes"/>, as a provider would send it (for tests and tools).</summary>
    public string Sign(ReadOnlySpan<byte> signedBytes)
    {
        var mac = CryptographicOperations.HmacData(_algorithm, _key, signedBytes);
        return _prefix + (_encoding == SignatureEncoding.Hex ? Convert.ToHexStringLower(mac) : Convert.ToBase64String(mac));
    }

    /// <summary>
    /// Compares a shared secret token a provider echoes in a header (Telegram's <c>X-Telegram-Bot-Api-Secret-Token</c>)
    /// with the configured one in constant time; a missing token never matches.
    /// </summary>
    public static bool SecretsMatch(string expected, string? presented)
    {
        ArgumentException.ThrowIfNullOrEmpty(expected);
        if (presented is null)
        {
            return false;
        }

        // Hash both sides first so the comparison's time depends on neither length.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }

    private byte[]? Decode(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (_encoding == SignatureEncoding.Hex)
        {
            var bytes = new byte[text.Length / 2];
            return text.Length % 2 == 0 && Convert.FromHexString(text, bytes, out _, out _) == System.Buffers.OperationStatus.Done ? bytes : null;
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64Chars(text, buffer, out var written) ? buffer[..written] : null;
    }
}
