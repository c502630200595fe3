using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.Meta.Tests;

/// <summary>
/// <see cref="MetaWebhook"/> on Kestrel: the subscription handshake, the signature over the raw body, the size limit,
/// the batch handed over entry by entry in order, and what is refused or ignored.
/// </summary>
public sealed class MetaWebhookTests : IAsyncLifetime
{
    private const string Path = "/api/channels/test";
    private const string AppSecret = "webhook-test-secret";
    private const string VerifyToken = "the-verify-token";
    private const int MaxBodyBytes = 2048;

    private readonly ConcurrentQueue<string> _entries = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        _app = builder.Build();
        var options = new TestOptions { Enabled = true, AppSecret = AppSecret, VerifyToken = VerifyToken, MaxBodyBytes = MaxBodyBytes };
        new MetaWebhook("Test", "page", () => options, NullLogger.Instance).Map(_app, Path, (entry, context) =>
        {
            var id = entry.GetProperty("id").GetString()!;
            if (entry.TryGetProperty("reject", out _))
            {
                throw new InboundMessageRejectedException([$"entry {id} is refused"]);
            }

            _entries.Enqueue(id);
            return Task.CompletedTask;
        });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Handshake_ModeAndTokenMatch_ChallengeAsPlainText()
    {
        using var response = await _http.GetAsync(MetaWebhookRequests.Handshake(Path, "subscribe", VerifyToken, "1158201444"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("subscribe", "")]
    [InlineData("unsubscribe", VerifyToken)]
    public async Task Handshake_WrongTokenOrMode_403WithoutTheChallenge(string mode, string token)
    {
        using var response = await _http.GetAsync(MetaWebhookRequests.Handshake(Path, mode, token, "1158201444"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handshake_NoChallenge_400()
    {
        using var response = await _http.GetAsync($"{Path}?hub.mode=subscribe&hub.verify_token={VerifyToken}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BatchOfTwoEntries_HandedOverInOrder()
    {
        using var response = await PostAsync(Batch("page", """{"id":"first"}""", """{"id":"second"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["first", "second"], _entries);
    }

    [Fact]
    public async Task Post_RejectedEntry_DoesNotStopTheBatch()
    {
        using var response = await PostAsync(Batch("page", """{"id":"a"}""", """{"id":"b","reject":true}""", """{"id":"c"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["a", "c"], _entries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task Post_UnsignedOrWronglySigned_401NothingHandedOver(string? secret)
    {
        using var response = await PostAsync(Batch("page", """{"id":"x"}"""), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_entries);
    }

    [Fact]
    public async Task Post_OverMaxBodyBytes_413()
    {
        var padded = Batch("page", $$"""{"id":"x","pad":"{{new string('a', MaxBodyBytes)}}"}""");

        using var response = await PostAsync(padded);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_entries);
    }

    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[")]
    [InlineData("not json at all")]
    [InlineData("[1,2]")]
    [InlineData("{\"object\":\"page\"}")]
    [InlineData("{\"object\":\"page\",\"entry\":{}}")]
    public async Task Post_NotJsonOrNotABatch_400(string body)
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_entries);
    }

    [Theory]
    [InlineData("whatsapp_business_account")]
    [InlineData("instagram")]
    public async Task Post_OtherObject_200AndIgnored(string kind)
    {
        using var response = await PostAsync(Batch(kind, """{"id":"x"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_entries);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string? secret = AppSecret)
    {
        using var request = MetaWebhookRequests.Signed(Path, body, secret);
        return await _http.SendAsync(request);
    }

    private static byte[] Batch(string kind, params string[] entries) =>
        Encoding.UTF8.GetBytes($$"""{"object":{{JsonSerializer.Serialize(kind)}},"entry":[{{string.Join(",", entries)}}]}""");

    private sealed class TestOptions : MetaChannelOptions;
}
