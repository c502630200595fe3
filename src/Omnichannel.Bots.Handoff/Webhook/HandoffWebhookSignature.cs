using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The webhook's signature: <c>X-Omnibot-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 with the shared secret of
/// <c>&lt;X-Omnibot-Timestamp&gt;.&lt;X-Omnibot-Delivery&gt;.&lt;raw body&gt;</c> (the timestamp in Unix seconds). The
/// delivery id is signed because receivers deduplicate on it: a changed one fails verification. A receiver recomputes
/// the signature over the raw bytes, compares in constant time, and refuses timestamps more than five minutes off (replays).
/// </summary>
public static class HandoffWebhookSignature
{
    public const string SignatureHeader = "X-Omnibot-Signature";

    public const string TimestampHeader = "X-Omnibot-Timestamp";

    public const string EventHeader = "X-Omnibot-Event";

    public const string DeliveryHeader = "X-Omnibot-Delivery";

    public const string HandoffCreatedEvent = "handoff.created";

    public static string Sign(string secret, long timestamp, string deliveryId, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        return Verifier(secret).Sign(SignedBytes(timestamp, deliveryId, body));
    }

    /// <summary>
    /// Checks a received signature (constant time) over the timestamp, delivery id and body, and the timestamp's age
    /// against <paramref name="now"/>.
    /// </summary>
    public static bool Verify(
        string secret,
        string? timestampHeader,
        string? deliveryHeader,
        string? signatureHeader,
        ReadOnlySpan<byte> body,
        DateTimeOffset now,
        TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret) || signatureHeader is null || string.IsNullOrEmpty(deliveryHeader)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        return Verifier(secret).IsValid(SignedBytes(timestamp, deliveryHeader, body), signatureHeader.Trim());
    }

    private static HmacSignatureVerifier Verifier(string secret) => new(HashAlgorithmName.SHA256, SignatureEncoding.Hex, secret, "sha256=");

    private static byte[] SignedBytes(long timestamp, string deliveryId, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + deliveryId + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return signed;
    }
}
