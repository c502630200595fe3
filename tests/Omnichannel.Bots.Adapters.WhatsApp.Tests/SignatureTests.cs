using System.Net;
using System.Text;
using System.Text.Json;
using Omnichannel.Bots.Adapters.Meta;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// X-Hub-Signature-256 is computed over the raw bytes Meta sends, which escape non-ASCII text (<c>\u00e9</c>, an emoji
/// as the surrogate pair <c>\ud83d\ude00</c>): the bytes as received verify, the same JSON re-serialized does not.
/// </summary>
public sealed class SignatureTests : IClassFixture<WhatsAppHostFixture>
{
    /// <summary>A text message whose body is "Café 😀" as Meta escapes it.</summary>
    private const string EscapedBody =
        """{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Ren\u00e9e"},"wa_id":"12015550601"}],"messages":[{"from":"12015550601","id":"wamid.SIG1","timestamp":"1744344496","type":"text","text":{"body":"Caf\u00e9 \ud83d\ude00"}}]}}]}]}""";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WhatsAppHostFixture _fixture;

    public SignatureTests(WhatsAppHostFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Vector_HmacSha256OfTheRawBytesInLowercaseHex()
    {
        var body = Encoding.UTF8.GetBytes(EscapedBody);
        // Computed outside .NET: python3 -c "import hmac,hashlib; print(hmac.new(b'<secret>', open('body','rb').read(), hashlib.sha256).hexdigest())"
        const string expected = "sha256=de04de975b53fc4180d6b3c701431231c1227bde9c13dd9a0bbedfb93cefcc0e";
        var signature = new MetaSignature(WhatsAppTestHost.AppSecret);

        Assert.Equal(expected, signature.Sign(body));
        Assert.True(signature.IsValid(body, expected));
        Assert.False(signature.IsValid(body, expected[..^1] + (expected[^1] == '0' ? '1' : '0')));
    }

    [Fact]
    public void ReSerializedBody_DoesNotVerify()
    {
        var raw = Encoding.UTF8.GetBytes(EscapedBody);
        var reSerialized = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(raw).RootElement, Relaxed);
        var signature = new MetaSignature(WhatsAppTestHost.AppSecret);

        Assert.NotEqual(raw, reSerialized);
        Assert.False(signature.IsValid(reSerialized, signature.Sign(raw)));
    }

    [Fact]
    public async Task EscapedUnicodeBody_SignedOverItsRawBytes_StoredWithTheUnescapedText()
    {
        using var response = await _fixture.Host.PostAsync(Encoding.UTF8.GetBytes(EscapedBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Omnichannel.Bots.Testing.Eventually.UntilAsync(() => _fixture.Host.Turns.Started.Any(e => e.Message.Id == "wamid.SIG1"), "the turn");
        var message = _fixture.Host.Turns.Started.First(e => e.Message.Id == "wamid.SIG1").Message;
        Assert.Equal("Café \U0001F600", message.Text);
        Assert.Equal("Renée", message.Sender?.Name);
    }
}
