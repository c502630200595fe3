using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + deliveryId + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return "sha256=" + Convert.ToHexStringLower(hash);
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

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, deliveryHeader, body));
        var actual = Encoding.ASCII.GetBytes(signatureHeader.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
