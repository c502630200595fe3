using System.Security.Cryptography;
using System.Text;
using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots.Handoff.Tests.Webhook;

public sealed class HandoffWebhookSignatureTests
{
    private const string Secret = "test-signing-secret-0123456789ab";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_774_000_000);

    [Fact]
    public void Sign_MatchesHmacSha256OfTimestampDotBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"handoffId\":\"7\"}");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes("1774000000.{\"handoffId\":\"7\"}")));

        Assert.Equal(expected, HandoffWebhookSignature.Sign(Secret, 1_774_000_000, body));
    }

    [Fact]
    public void Verify_RoundTrip_Accepts()
    {
        var body = Encoding.UTF8.GetBytes("{}");
        var signature = HandoffWebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), body);

        Assert.True(HandoffWebhookSignature.Verify(Secret, "1774000000", signature, body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("other-secret-of-sufficient-length", "1774000000", "{}")]
    [InlineData(Secret, "1774000001", "{}")]
    [InlineData(Secret, "1774000000", "{ }")]
    [InlineData(Secret, "not-a-number", "{}")]
    [InlineData(Secret, null, "{}")]
    public void Verify_AnythingChanged_Rejects(string secret, string? timestamp, string body)
    {
        var signature = HandoffWebhookSignature.Sign(Secret, 1_774_000_000, Encoding.UTF8.GetBytes("{}"));

        Assert.False(HandoffWebhookSignature.Verify(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_OldTimestamp_RejectsAsReplay()
    {
        var old = Now.AddMinutes(-6).ToUnixTimeSeconds();
        var body = Encoding.UTF8.GetBytes("{}");
        var signature = HandoffWebhookSignature.Sign(Secret, old, body);

        Assert.False(HandoffWebhookSignature.Verify(Secret, old.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, Now, TimeSpan.FromMinutes(5)));
    }
}
