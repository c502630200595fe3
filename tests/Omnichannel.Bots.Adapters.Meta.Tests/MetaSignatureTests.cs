using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Adapters.Meta.Tests;

/// <summary><c>X-Hub-Signature-256</c> against values computed here independently (HMAC-SHA256 over the raw bytes) and a published vector.</summary>
public sealed class MetaSignatureTests
{
    private const string AppSecret = "b0e1d2c3a4f5061728394a5b6c7d8e9f";

    [Fact]
    public void Sign_PublishedVector_MatchesTheKnownHeader()
    {
        // The example of GitHub's "Validating webhook deliveries", the same sha256= HMAC scheme Meta uses.
        var signature = new MetaSignature("It's a Secret to Everybody").Sign("Hello, World!"u8);

        Assert.Equal("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", signature);
    }

    [Fact]
    public void IsValid_HeaderComputedIndependently_Accepted()
    {
        var body = """{"object":"page","entry":[{"id":"1","time":1,"messaging":[]}]}"""u8.ToArray();

        var header = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body));

        Assert.True(new MetaSignature(AppSecret).IsValid(body, header));
        Assert.Equal(header, new MetaSignature(AppSecret).Sign(body));
    }

    [Fact]
    public void IsValid_EscapedUnicodeAndSurrogatePair_CheckedOverTheRawBytes_ReserializedJsonFails()
    {
        // As Meta sends it: é as \u00e9 and 😀 as the surrogate pair \ud83d\ude00, all ASCII on the wire.
        var raw = Encoding.ASCII.GetBytes("""{"object":"page","entry":[{"id":"1","messaging":[{"message":{"mid":"m_1","text":"caf\u00e9 \ud83d\ude00"}}]}]}""");
        var header = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), raw));
        var signature = new MetaSignature(AppSecret);

        Assert.True(signature.IsValid(raw, header));
        var reserialized = Encoding.UTF8.GetBytes(JsonNode.Parse(raw)!.ToJsonString());
        Assert.NotEqual(raw, reserialized);
        Assert.Equal("café 😀", JsonNode.Parse(reserialized)!["entry"]![0]!["messaging"]![0]!["message"]!["text"]!.GetValue<string>());
        Assert.False(signature.IsValid(reserialized, header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=0000000000000000000000000000000000000000")]
    [InlineData("sha256=zz")]
    public void IsValid_MissingOrMalformedHeader_Refused(string? header) =>
        Assert.False(new MetaSignature(AppSecret).IsValid("{}"u8, header));

    [Fact]
    public void IsValid_OtherSecretOrOneByteChanged_Refused()
    {
        var body = "{\"object\":\"page\"}"u8.ToArray();
        var header = new MetaSignature(AppSecret).Sign(body);
        body[^2] = (byte)'x';

        Assert.False(new MetaSignature(AppSecret).IsValid(body, header));
        Assert.False(new MetaSignature("another-secret").IsValid("{\"object\":\"page\"}"u8, header));
    }
}
