using System.Net;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// Without <c>PublicBaseUrl</c> the signature is checked over the request's own URL, forwarded headers are not read by
/// the adapter (only ASP.NET Core's middleware, when the host configures it, may rewrite scheme and host), and sends ask
/// for no status callback (there is no public address to give).
/// </summary>
public sealed class OwnUrlSignatureTests
{
    [Fact]
    public async Task Receive_NoPublicBaseUrl_SignatureOverTheRequestsOwnUrl()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        await using var host = await SmsTestHost.StartAsync(api, behindPublicUrl: false);
        const string customer = "+12015550151";
        var form = TwilioForms.Incoming(TwilioForms.MessageSid(70), customer, "hi");
        var signer = new TwilioSignature(FakeTwilioApi.AuthToken);
        var ownUrl = new Uri(host.Http.BaseAddress!, "/api/channels/sms");

        using (var overPublicUrl = await host.PostFormAsync("/api/channels/sms", form))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, overPublicUrl.StatusCode);
        }

        using (var forwarded = new HttpRequestMessage(HttpMethod.Post, "/api/channels/sms") { Content = new FormUrlEncodedContent(form) })
        {
            forwarded.Headers.Add("X-Forwarded-Proto", "https");
            forwarded.Headers.Add("X-Forwarded-Host", "bot.example.test");
            forwarded.Headers.Add("X-Twilio-Signature", SmsTestHost.Sign("/api/channels/sms", form));
            using var response = await host.Http.SendAsync(forwarded);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var overOwnUrl = await host.PostFormAsync("/api/channels/sms", form, signer.Sign(ownUrl, form)))
        {
            Assert.Equal(HttpStatusCode.OK, overOwnUrl.StatusCode);
        }

        var send = Assert.Single(await api.WaitForSendsAsync(customer));
        Assert.Null(send["StatusCallback"]);
    }
}
