using System.Security.Cryptography;
using System.Text;
using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots.Handoff.Tests.Webhook;

public sealed class HandoffWebhookSignatureTests
{
    private const string Secret = "test-signing-secret-0123456789ab";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_774_000_000);

    [Fact]
    public void Sign_MatchesHmacSha256OfTimestampDotDeliveryDotBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"handoffId\":\"7\"}");

        Assert.Equal(DocumentedRecipe(Secret, "1774000000", "7", body), HandoffWebhookSignature.Sign(Secret, 1_774_000_000, "7", body));
    }

    [Fact]
    public void Verify_RoundTrip_Accepts()
    {
        var body = Encoding.UTF8.GetBytes("{}");
        var signature = HandoffWebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), "7", body);

        Assert.True(HandoffWebhookSignature.Verify(Secret, "1774000000", "7", signature, body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("other-secret-of-sufficient-length", "1774000000", "7", "{}")]
    [InlineData(Secret, "1774000001", "7", "{}")]
    [InlineData(Secret, "1774000000", "7", "{ }")]
    [InlineData(Secret, "1774000000", "8", "{}")]
    [InlineData(Secret, "1774000000", "", "{}")]
    [InlineData(Secret, "1774000000", null, "{}")]
    [InlineData(Secret, "not-a-number", "7", "{}")]
    [InlineData(Secret, null, "7", "{}")]
    public void Verify_AnythingChanged_Rejects(string secret, string? timestamp, string? delivery, string body)
    {
        var signature = HandoffWebhookSignature.Sign(Secret, 1_774_000_000, "7", Encoding.UTF8.GetBytes("{}"));

        Assert.False(HandoffWebhookSignature.Verify(secret, timestamp, delivery, signature, Encoding.UTF8.GetBytes(body), Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_OldTimestamp_RejectsAsReplay()
    {
        var old = Now.AddMinutes(-6).ToUnixTimeSeconds();
        var body = Encoding.UTF8.GetBytes("{}");
        var signature = HandoffWebhookSignature.Sign(Secret, old, "7", body);

        Assert.False(HandoffWebhookSignature.Verify(Secret, old.ToString(System.Globalization.CultureInfo.InvariantCulture), "7", signature, body, Now, TimeSpan.FromMinutes(5)));
    }

    /// <summary>The README's recipe for any language: <c>sha256=hex(HMAC-SHA256(secret, timestamp + "." + delivery + "." + body))</c>.</summary>
    internal static string DocumentedRecipe(string secret, string? timestamp, string? delivery, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + "." + delivery + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
