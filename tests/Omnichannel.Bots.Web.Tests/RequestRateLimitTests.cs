using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Limits:* request rates on the real host: per client address for widget tokens, token generation and conversation
/// starts (another client address is still served), per conversation for activities and uploads; 429 with Retry-After.
/// </summary>
public sealed class RequestRateLimitTests
{
    private static readonly IPAddress AnotherClient = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task WidgetToken_PastTheLimitFromOneAddress_429WithRetryAfterWhileAnotherAddressIsServed()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:ConversationStartsPerAddress:PermitLimit=3", "Limits:ConversationStartsPerAddress:Window=00:10:00"]);
        using var other = LoopbackClients.Create(host.BaseUrl, AnotherClient);

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await WidgetTokenAsync(host, host.Http);
            first.Add(ok.StatusCode);
        }

        using var refused = await WidgetTokenAsync(host, host.Http);
        using var otherClient = await WidgetTokenAsync(host, other);

        Assert.All(first, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(RetryAfterSeconds(refused), 1, 600);
        Assert.Equal("TooManyRequests", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task StartConversationAndGenerateToken_ShareTheAddressLimit_429ReadableByAPage()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:ConversationStartsPerAddress:PermitLimit=2", "Limits:ConversationStartsPerAddress:Window=00:10:00"]);
        using var other = LoopbackClients.Create(host.BaseUrl, AnotherClient);

        using var started = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", WebChatHost.Secret));
        using var generated = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/generate", WebChatHost.Secret));
        using var refused = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", WebChatHost.Secret));
        using var otherClient = await other.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", WebChatHost.Secret));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(RetryAfterSeconds(refused), 1, 600);
        Assert.Equal("*", refused.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Created, otherClient.StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_OnlyFromATrustedProxy_NamesTheClient()
    {
        await using var host = await WebChatHost.StartAsync(
            ["Limits:ConversationStartsPerAddress:PermitLimit=1", "Limits:ConversationStartsPerAddress:Window=00:10:00", "Limits:TrustedProxies:0=127.0.0.1"]);
        using var untrusted = LoopbackClients.Create(host.BaseUrl, AnotherClient);

        // Through the trusted proxy (127.0.0.1) each forwarded client has its own allowance.
        using var clientA = await StartWithForwardedForAsync(host, host.Http, "203.0.113.5");
        using var clientAAgain = await StartWithForwardedForAsync(host, host.Http, "203.0.113.5");
        using var clientB = await StartWithForwardedForAsync(host, host.Http, "203.0.113.6");

        // From anyone else the header is ignored: a new made-up address each time does not buy a new allowance.
        using var spoofed = await StartWithForwardedForAsync(host, untrusted, "198.51.100.1");
        using var spoofedAgain = await StartWithForwardedForAsync(host, untrusted, "198.51.100.2");

        Assert.Equal(HttpStatusCode.Created, clientA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, clientAAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Created, clientB.StatusCode);
        Assert.Equal(HttpStatusCode.Created, spoofed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofedAgain.StatusCode);
    }

    [Fact]
    public async Task PostActivity_PastTheConversationLimit_429AndAnotherConversationIsServed()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:ActivitiesPerConversation:PermitLimit=3", "Limits:ActivitiesPerConversation:Window=00:10:00"]);
        var busy = await host.StartConversationAsync();
        var quiet = await host.StartConversationAsync();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await PostAsync(host, busy, "hi " + i);
            first.Add(ok.StatusCode);
        }

        using var refused = await PostAsync(host, busy, "one too many");
        using var strangerWithoutToken = await host.Http.SendAsync(host.Request(
            HttpMethod.Post, $"/v3/directline/conversations/{quiet.Id}/activities", bearer: "not-a-token", new { type = "message", text = "x" }));
        using var otherConversation = await PostAsync(host, quiet, "hello");

        Assert.All(first, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(RetryAfterSeconds(refused), 1, 600);
        Assert.Equal(HttpStatusCode.Unauthorized, strangerWithoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherConversation.StatusCode);
        // A customer's activity is in the log (its echo) before its POST is answered.
        var texts = (await host.GetActivitiesAsync(busy)).Activities.Where(a => !a.IsFromBot()).Select(a => a.Text());
        Assert.DoesNotContain("one too many", texts);
    }

    [Fact]
    public async Task Upload_PastTheConversationLimit_429()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:UploadsPerConversation:PermitLimit=1", "Limits:UploadsPerConversation:Window=00:10:00"]);
        var conversation = await host.StartConversationAsync();

        using var first = await DirectLineUploadTests.UploadAsync(host, conversation, ("a.txt", "text/plain", "one"u8.ToArray()));
        using var second = await DirectLineUploadTests.UploadAsync(host, conversation, ("b.txt", "text/plain", "two"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(RetryAfterSeconds(second), 1, 600);
    }

    [Theory]
    [InlineData("Limits:ConversationStartsPerAddress:PermitLimit=0", "Limits:ConversationStartsPerAddress:PermitLimit")]
    [InlineData("Limits:ActivitiesPerConversation:Window=00:00:00", "Limits:ActivitiesPerConversation:Window")]
    [InlineData("Limits:TrustedProxies:0=proxy.example", "Limits:TrustedProxies")]
    [InlineData("Limits:StreamsPerToken=0", "StreamsPerToken")]
    public async Task Start_InvalidLimit_FailsNamingTheKey(string setting, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebChatHost.StartAsync([setting]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> WidgetTokenAsync(WebChatHost host, HttpClient client)
    {
        using var request = host.Request(HttpMethod.Post, "/api/webchat/token", bearer: null);
        request.Headers.Add("Origin", host.BaseUrl.GetLeftPart(UriPartial.Authority));
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> StartWithForwardedForAsync(WebChatHost host, HttpClient client, string forwardedFor)
    {
        using var request = host.Request(HttpMethod.Post, "/v3/directline/conversations", WebChatHost.Secret);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostAsync(WebChatHost host, StartedConversation conversation, string text) =>
        host.Http.SendAsync(host.Request(
            HttpMethod.Post,
            $"/v3/directline/conversations/{conversation.Id}/activities",
            conversation.Token,
            new { type = "message", text, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } }));

    private static int RetryAfterSeconds(HttpResponseMessage response) =>
        (int)(response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After")).TotalSeconds;
}
