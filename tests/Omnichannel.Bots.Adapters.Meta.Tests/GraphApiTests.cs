using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Adapters.Meta.Testing;

namespace Omnichannel.Bots.Adapters.Meta.Tests;

/// <summary><see cref="GraphApi"/> against local stand-ins: the call it makes, Meta's error body read, a body that is not JSON, no answer at all.</summary>
public sealed class GraphApiTests
{
    private const string Token = "EAAgraphapitoken";

    [Fact]
    public async Task Post_SendsJsonWithTheBearerTokenToTheVersionedPath()
    {
        await using var api = await FakeGraphApi.StartAsync(Token);

        using var answer = await GraphApi().PostAsync(Options(api.BaseUrl), "me/messages", Token, """{"recipient":{"id":"42"},"message":{"text":"hi"}}"""u8.ToArray(), CancellationToken.None);

        var call = Assert.Single(api.Requests);
        Assert.Equal(("POST", "/v23.0/me/messages", Token, "hi"), (call.Method, call.Path, call.BearerToken, call["message.text"]));
        Assert.Equal("42", answer.RootElement.GetProperty("recipient_id").GetString());
        Assert.StartsWith("m_", answer.RootElement.GetProperty("message_id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_MetasErrorBody_ReadIntoTheError()
    {
        await using var api = await FakeGraphApi.StartAsync(Token);
        api.FailNext(GraphApiFailure.OutsideWindow);

        var refused = await Assert.ThrowsAsync<GraphApiException>(() => GraphApi().PostAsync(Options(api.BaseUrl), "me/messages", Token, "{}"u8.ToArray(), CancellationToken.None));

        var error = refused.Error!;
        Assert.Equal((400, 10, 2018278), (error.HttpStatus, error.Code, error.Subcode));
        Assert.Equal("This message is sent outside of allowed window.", error.Message);
        Assert.Equal("AbCdEfGhIjK", error.TraceId);
        Assert.Equal("10/2018278", error.ProviderCode);
        Assert.Contains("[fbtrace_id AbCdEfGhIjK]", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_WrongToken_Is190()
    {
        await using var api = await FakeGraphApi.StartAsync(Token);

        var refused = await Assert.ThrowsAsync<GraphApiException>(() => GraphApi().GetAsync(Options(api.BaseUrl), "me", "not-the-token", CancellationToken.None));

        Assert.Equal((401, 190), (refused.Error!.HttpStatus, refused.Error.Code));
    }

    [Theory]
    [InlineData(502, "<html><body>Bad Gateway</body></html>")]
    [InlineData(400, """{"error":"a string, not Meta's object"}""")]
    [InlineData(500, "")]
    public async Task Refusal_BodyWithoutMetasErrorObject_ErrorFromTheHttpStatus(int status, string body)
    {
        await using var server = await Server.StartAsync(status, body);

        var refused = await Assert.ThrowsAsync<GraphApiException>(() => GraphApi().PostAsync(Options(server.BaseUrl), "me/messages", Token, "{}"u8.ToArray(), CancellationToken.None));

        Assert.NotNull(refused.Error);
        Assert.Equal(status, refused.Error.HttpStatus);
        Assert.Null(refused.Error.Code);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Error.ProviderCode);
    }

    [Fact]
    public async Task Success_WithABodyThatIsNotJson_IsAnErrorSayingSo()
    {
        await using var server = await Server.StartAsync(200, "OK, not JSON");

        var refused = await Assert.ThrowsAsync<GraphApiException>(() => GraphApi().PostAsync(Options(server.BaseUrl), "me/messages", Token, "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(200, refused.Error!.HttpStatus);
        Assert.Contains("not JSON", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAnswer_ConnectionRefused_NoError()
    {
        var closed = ClosedPort();

        var refused = await Assert.ThrowsAsync<GraphApiException>(() => GraphApi().PostAsync(Options(closed), "me/messages", Token, "{}"u8.ToArray(), CancellationToken.None));

        Assert.Null(refused.Error);
        Assert.Contains("got no answer", refused.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(refused.InnerException);
    }

    [Fact]
    public void Url_KeepsTheBasePathPrefixAndTheVersion() =>
        Assert.Equal(
            "https://proxy.example.test/graph/v23.0/me/messages",
            Meta.GraphApi.Url(Options(new Uri("https://proxy.example.test/graph/")), "/me/messages").AbsoluteUri);

    private static GraphApi GraphApi() =>
        new ServiceCollection().AddLogging().AddMetaGraphApi().BuildServiceProvider().GetRequiredService<GraphApi>();

    private static TestOptions Options(Uri baseUrl) => new() { GraphApiBaseUrl = baseUrl };

    /// <summary>An address nothing listens on: a port that was free a moment ago.</summary>
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private sealed class TestOptions : MetaChannelOptions;

    /// <summary>A Kestrel listener that answers every request with one status and body, as a broken proxy in front of Meta might.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Server(WebApplication app)
        {
            _app = app;
            BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        public Uri BaseUrl { get; }

        public static async Task<Server> StartAsync(int status, string body)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.Run(async http =>
            {
                http.Response.StatusCode = status;
                http.Response.ContentType = "text/html";
                await http.Response.WriteAsync(body);
            });
            await app.StartAsync();
            return new Server(app);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
