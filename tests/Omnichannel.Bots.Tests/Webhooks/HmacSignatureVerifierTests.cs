using System.Security.Cryptography;
using System.Text;
using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Tests.Webhooks;

/// <summary>
/// The one verifier for HMAC-signed webhooks against signatures produced elsewhere: Meta's <c>X-Hub-Signature-256</c>
/// (<c>sha256=</c> + hex HMAC-SHA256 of the raw body) and Twilio's <c>X-Twilio-Signature</c> (base64 HMAC-SHA1 of the
/// URL followed by the POST parameters sorted by name, each name then value), and everything a client can get wrong.
/// </summary>
public sealed class HmacSignatureVerifierTests
{
    private const string MetaSecret = "meta-app-secret-for-tests";

    /// <summary>A WhatsApp status notification as Meta posts it (Cloud API webhooks, "Status messages"), as raw bytes.</summary>
    private static readonly byte[] MetaBody = Encoding.UTF8.GetBytes(
        """{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","statuses":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"read","timestamp":"1750263773","recipient_id":"16505551234"}]},"field":"messages"}]}]}""");

    /// <summary>
    /// Signatures over raw bytes in Meta's format. Meta's documentation gives no worked example; GitHub's, for the same
    /// header and format, does ("Validating webhook deliveries", "Testing the webhook payload validation": secret
    /// <c>It's a Secret to Everybody</c>, payload <c>Hello, World!</c>). The others were computed with Python's hmac
    /// (/usr/bin/python3):
    /// <code>
    /// hmac.new(b"meta-app-secret-for-tests", body, hashlib.sha256).hexdigest()
    /// </code>
    /// where body is <see cref="MetaBody"/>'s bytes, or "héllo ✓" encoded as UTF-8.
    /// </summary>
    public static TheoryData<string, byte[], string> MetaSignatures { get; } = new()
    {
        { "It's a Secret to Everybody", Encoding.UTF8.GetBytes("Hello, World!"), "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" },
        { MetaSecret, MetaBody, "sha256=d978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d8" },
        { MetaSecret, Encoding.UTF8.GetBytes("héllo ✓"), "sha256=01e00c2ea640e92d1aeb0573ff3dd9034510fa24d9602d4f777e52ae2ce46365" },
    };

    /// <summary>
    /// Signatures computed by Twilio's own library, the npm package <c>twilio</c> 6.2.0, with auth token <c>12345</c>
    /// (no network is needed to check them here). Produced in an empty folder with <c>npm install twilio@6.2.0</c> and
    /// <c>node gen.js</c>, gen.js being:
    /// <code>
    /// const twilio = require('twilio');
    /// for (const [url, params] of cases) {   // the URL and parameters of each row below
    ///   const sig = twilio.getExpectedTwilioSignature('12345', url, params);
    ///   console.log(JSON.stringify({ url, params, sig, valid: twilio.validateRequest('12345', sig, url, params) }));
    /// }
    /// </code>
    /// (every row printed <c>valid: true</c>). Parameters are written here as name=value lines; the third row's are not
    /// in name order, as a form need not be.
    /// </summary>
    public static TheoryData<string, string, string> TwilioSignatures { get; } = new()
    {
        {
            "https://mycompany.com/myapp.php?foo=1&bar=2",
            "CallSid=CA1234567890ABCDE\nCaller=+12349013030\nDigits=1234\nFrom=+12349013030\nTo=+18005551212",
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        },
        {
            "https://example.com/api/channels/sms",
            "AccountSid=AC00000000000000000000000000000000\nBody=Où est ma commande ? 🙂\nFrom=+15550100001\nMessageSid=SM00000000000000000000000000000001\nTo=+15550100999",
            "/slTKrLq0iUm7+BClG3OWcVK0GA="
        },
        {
            "https://example.com/api/channels/sms/status",
            "MessageSid=SM00000000000000000000000000000002\nMessageStatus=undelivered\nErrorCode=30003\nTo=+15550100001",
            "OQMmfvHE4qcPf1sZBLsGQH5ifqw="
        },
        { "https://example.com/api/channels/sms", "", "/OSC25cH/a0Mk1EXec7V0f34h/c=" },
    };

    private static HmacSignatureVerifier Meta(string secret = MetaSecret) => new(HashAlgorithmName.SHA256, SignatureEncoding.Hex, secret, "sha256=");

    private static HmacSignatureVerifier Twilio { get; } = new(HashAlgorithmName.SHA1, SignatureEncoding.Base64, "12345");

    [Theory]
    [MemberData(nameof(MetaSignatures))]
    public void IsValid_MetaSignatureOfTheRawBody_Accepted(string secret, byte[] body, string header)
    {
        Assert.True(Meta(secret).IsValid(body, header));
        Assert.Equal(header, Meta(secret).Sign(body));
    }

    [Theory]
    [MemberData(nameof(MetaSignatures))]
    public void IsValid_MetaSignatureInUpperCaseHex_Accepted(string secret, byte[] body, string header)
    {
        Assert.True(Meta(secret).IsValid(body, "sha256=" + header["sha256=".Length..].ToUpperInvariant()));
        Assert.True(Meta(secret).IsValid(body, header.ToUpperInvariant()));
    }

    [Theory]
    [MemberData(nameof(MetaSignatures))]
    public void IsValid_OneByteOfTheBodyChanged_Refused(string secret, byte[] body, string header)
    {
        for (var i = 0; i < body.Length; i += Math.Max(1, body.Length / 7))
        {
            var changed = (byte[])body.Clone();
            changed[i] ^= 0x01;
            Assert.False(Meta(secret).IsValid(changed, header), $"byte {i} changed");
        }

        Assert.False(Meta(secret).IsValid([.. body, (byte)' '], header));
        Assert.False(Meta(secret).IsValid(body.AsSpan(0, body.Length - 1), header));
    }

    [Theory]
    [MemberData(nameof(MetaSignatures))]
    public void IsValid_AnotherSecret_Refused(string secret, byte[] body, string header)
    {
        Assert.False(Meta(secret + "x").IsValid(body, header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=   ")]
    [InlineData("d978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d8")]
    [InlineData("sha1=d978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d8")]
    [InlineData("sha256:d978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d8")]
    [InlineData("sha256=d978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d")]
    [InlineData("sha256=d978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423")]
    [InlineData("sha256=d978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d800")]
    [InlineData("sha256=z978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d8")]
    [InlineData("sha256=d978b148-eaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d8")]
    [InlineData("sha256=2XixSL6utsFRNT6ke13f8w7Oof/xYyh9qMsIjquEI9g=")]
    [InlineData("sha256=d978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d8sha256=")]
    [InlineData("sha256=ｄ978b148beaeb6c151353ea47b5ddff30ecea1fff163287da8fcb08eab8423d8")]
    public void IsValid_MalformedMetaHeader_RefusedWithoutThrowing(string? header)
    {
        Assert.False(Meta().IsValid(MetaBody, header));
    }

    [Theory]
    [MemberData(nameof(TwilioSignatures))]
    public void IsValid_TwilioSignatureOfUrlAndSortedParameters_Accepted(string url, string parameters, string header)
    {
        var signed = TwilioSignedBytes(url, parameters);

        Assert.True(Twilio.IsValid(signed, header));
        Assert.Equal(header, Twilio.Sign(signed));
    }

    [Theory]
    [MemberData(nameof(TwilioSignatures))]
    public void IsValid_TwilioRequestAltered_Refused(string url, string parameters, string header)
    {
        Assert.False(Twilio.IsValid(TwilioSignedBytes(url.Replace("https://", "http://", StringComparison.Ordinal), parameters), header));
        Assert.False(Twilio.IsValid(TwilioSignedBytes(url + "/", parameters), header));
        Assert.False(Twilio.IsValid(TwilioSignedBytes(url, parameters + "\nExtra=1"), header));
        Assert.False(new HmacSignatureVerifier(HashAlgorithmName.SHA1, SignatureEncoding.Base64, "54321").IsValid(TwilioSignedBytes(url, parameters), header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDg*=")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgQ=0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    [InlineData("0/KCTR6DLpKmkAf8muzZqo1nDgA=")]
    [InlineData("d3f2824d1e832e92a69007fc9aecd9aa8d670e04")]
    [InlineData("%%%%")]
    public void IsValid_MalformedTwilioHeader_RefusedWithoutThrowing(string? header)
    {
        var (url, parameters, _) = FirstTwilioCase();

        Assert.False(Twilio.IsValid(TwilioSignedBytes(url, parameters), header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Constructor_NoSecret_Refused(string? secret)
    {
        Assert.ThrowsAny<ArgumentException>(() => new HmacSignatureVerifier(HashAlgorithmName.SHA256, SignatureEncoding.Hex, secret!, "sha256="));
    }

    [Fact]
    public void Constructor_AlgorithmWithoutHmacSupportHere_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new HmacSignatureVerifier(HashAlgorithmName.MD5, SignatureEncoding.Hex, "secret"));

        Assert.Contains("MD5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValid_Sha512Hex_RoundTrips()
    {
        var verifier = new HmacSignatureVerifier(HashAlgorithmName.SHA512, SignatureEncoding.Hex, "secret", "v1=");
        var signature = verifier.Sign(MetaBody);

        Assert.Equal("v1=".Length + 128, signature.Length);
        Assert.True(verifier.IsValid(MetaBody, signature));
    }

    [Theory]
    [InlineData("telegram-secret-token", "telegram-secret-token", true)]
    [InlineData("telegram-secret-token", "telegram-secret-tokem", false)]
    [InlineData("telegram-secret-token", "Telegram-secret-token", false)]
    [InlineData("telegram-secret-token", "telegram-secret-token ", false)]
    [InlineData("telegram-secret-token", "telegram", false)]
    [InlineData("telegram-secret-token", "", false)]
    [InlineData("telegram-secret-token", null, false)]
    public void SecretsMatch_PresentedToken_MatchesOnlyTheSameText(string expected, string? presented, bool match)
    {
        Assert.Equal(match, HmacSignatureVerifier.SecretsMatch(expected, presented));
    }

    [Fact]
    public void SecretsMatch_NoConfiguredSecret_Refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => HmacSignatureVerifier.SecretsMatch("", ""));
        Assert.ThrowsAny<ArgumentException>(() => HmacSignatureVerifier.SecretsMatch(null!, "x"));
    }

    /// <summary>What Twilio signs: the URL, then each POST parameter's name and value, ordered by name (ordinal), as UTF-8.</summary>
    private static byte[] TwilioSignedBytes(string url, string parameters)
    {
        var pairs = parameters.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .OrderBy(pair => pair[0], StringComparer.Ordinal);
        return Encoding.UTF8.GetBytes(url + string.Concat(pairs.Select(pair => pair[0] + pair[1])));
    }

    private static (string Url, string Parameters, string Header) FirstTwilioCase()
    {
        var row = TwilioSignatures.First();
        return ((string)row[0], (string)row[1], (string)row[2]);
    }
}
