using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.WebChat;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>Secrets and tokens: who may do what, and the status codes for everyone else.</summary>
public sealed class DirectLineAuthTests
{
    [Fact]
    public async Task Health_ListsTheWebChatChannelAndTheLoadedKnowledge()
    {
        await using var host = await WebChatHost.StartAsync();

        // StartAsync returned once /healthz/ready said 200, so the knowledge base has loaded.
        var health = await host.Http.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.True(health.GetProperty("knowledge").GetProperty("loaded").GetBoolean());
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Contains("webchat", health.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.True(health.GetProperty("knowledge").GetProperty("articles").GetInt32() >= 30);
        Assert.Equal(0, health.GetProperty("knowledge").GetProperty("problemCount").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-wrong-secret-wrong-secret")]
    [InlineData("eyJjIjoiYSJ9.bm90LWEtbWFj")]
    [InlineData("not a token at all")]
    public async Task StartConversation_MissingOrInvalidCredential_Is401(string? bearer)
    {
        await using var host = await WebChatHost.StartAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", bearer));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task GenerateToken_WithSecret_TokenBoundToANewConversationThatStartsWithIt()
    {
        await using var host = await WebChatHost.StartAsync();

        using var generated = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/generate", WebChatHost.Secret, new { user = new { id = "dl_visitor-1", name = "Ana" } }));
        var token = await generated.Content.ReadFromJsonAsync<JsonElement>();
        using var started = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", token.GetProperty("token").GetString()));
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 3500, 3600);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(token.GetProperty("conversationId").GetString(), conversation.GetProperty("conversationId").GetString());
        Assert.StartsWith("ws://127.0.0.1:", conversation.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateToken_WithAToken_Is403()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/generate", conversation.Token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RefreshToken_NewTokenForTheSameConversation()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token));
        var refreshed = await response.Content.ReadFromJsonAsync<JsonElement>();
        var page = await host.GetActivitiesAsync(conversation with { Token = refreshed.GetProperty("token").GetString()! });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(conversation.Id, refreshed.GetProperty("conversationId").GetString());
        Assert.Empty(page.Activities);
    }

    [Fact]
    public async Task RefreshToken_WithTheSecret_Is403()
    {
        await using var host = await WebChatHost.StartAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", WebChatHost.Secret));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>
    /// Direct Line 3.0 answers a token that has expired with 403 and code TokenExpired; Microsoft's client
    /// (botframework-directlinejs) recognises an expired token only by that 403.
    /// </summary>
    [Theory]
    [InlineData("/v3/directline/tokens/refresh", "POST")]
    [InlineData("/v3/directline/conversations", "POST")]
    [InlineData("/v3/directline/conversations/{id}/activities", "GET")]
    [InlineData("/v3/directline/conversations/{id}/activities", "POST")]
    [InlineData("/v3/directline/conversations/{id}", "GET")]
    public async Task ExpiredToken_Is403TokenExpired(string path, string method)
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        var expired = SignedToken(host, conversation.Id, "dl_x", expiresIn: TimeSpan.FromSeconds(-1));

        var activity = method == "POST" && path.EndsWith("/activities", StringComparison.Ordinal) ? new { type = "message", text = "hi" } : null;
        using var response = await host.Http.SendAsync(host.Request(new HttpMethod(method), path.Replace("{id}", conversation.Id, StringComparison.Ordinal), expired, activity));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TamperedToken_Is401()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        var other = await host.StartConversationAsync();

        // The payload of one token with the signature of another: a client cannot re-bind its token.
        var tampered = other.Token.Split('.')[0] + "." + conversation.Token.Split('.')[1];
        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{other.Id}/activities", tampered));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v3/directline/conversations/{other}/activities")]
    [InlineData("POST", "/v3/directline/conversations/{other}/activities")]
    [InlineData("GET", "/v3/directline/conversations/{other}")]
    [InlineData("POST", "/v3/directline/conversations/{other}/upload")]
    public async Task TokenOfAnotherConversation_Is403(string method, string path)
    {
        await using var host = await WebChatHost.StartAsync();
        var mine = await host.StartConversationAsync();
        var other = await host.StartConversationAsync();

        using var request = host.Request(new HttpMethod(method), path.Replace("{other}", other.Id, StringComparison.Ordinal), mine.Token, method == "POST" ? new { type = "message", text = "hi" } : null);
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v3/directline/conversations/nope/activities")]
    [InlineData("POST", "/v3/directline/conversations/nope/activities")]
    [InlineData("GET", "/v3/directline/conversations/nope")]
    public async Task UnknownConversation_Is404(string method, string path)
    {
        await using var host = await WebChatHost.StartAsync();

        using var request = host.Request(new HttpMethod(method), path, WebChatHost.Secret, method == "POST" ? new { type = "message", text = "hi" } : null);
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Disabled_NoWebChatEndpointsAreMapped()
    {
        await using var host = await WebChatHost.StartAsync(["Channels:WebChat:Enabled=false"]);

        using var conversations = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", WebChatHost.Secret));
        using var widget = await host.Http.GetAsync("/webchat.js");

        Assert.Equal(HttpStatusCode.NotFound, conversations.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, widget.StatusCode);
    }

    [Theory]
    [InlineData("Channels:WebChat:Secret=short", "Secret")]
    [InlineData("Channels:WebChat:TokenLifetime=2.00:00:00", "TokenLifetime")]
    [InlineData("Channels:WebChat:AllowedOrigins:0=https://shop.example/path", "AllowedOrigins")]
    [InlineData("Channels:WebChat:UserIdentitySecret=short", "UserIdentitySecret")]
    public async Task InvalidSetting_StartUpFailsNamingTheKey(string setting, string key)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => WebChatHost.StartAsync([setting]));

        Assert.Contains("Channels:WebChat:" + key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedSecret_KeptInTheDataFolder_TokensSurviveARestart()
    {
        var data = Directory.CreateTempSubdirectory("omnibot-webchat-restart-").FullName;
        try
        {
            StartedConversation conversation;
            string secret;
            await using (var first = await WebChatHost.StartAsync(dataDirectory: data, withSecret: false))
            {
                secret = (await File.ReadAllTextAsync(Path.Combine(data, "webchat-secret"))).Trim();
                using var started = await first.Http.SendAsync(first.Request(HttpMethod.Post, "/v3/directline/conversations", secret));
                var body = await started.Content.ReadFromJsonAsync<JsonElement>();
                conversation = new StartedConversation(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, new Uri(body.GetProperty("streamUrl").GetString()!));
                await first.PostMessageAsync(conversation, "hi");
                await first.WaitForBotTextAsync(conversation, "How can I help?");
            }

            await using var second = await WebChatHost.StartAsync(dataDirectory: data, withSecret: false);
            var page = await second.GetActivitiesAsync(conversation);

            Assert.True(secret.Length >= 32);
            Assert.Equal(secret, (await File.ReadAllTextAsync(Path.Combine(data, "webchat-secret"))).Trim());
            Assert.Contains(page.Activities, a => a.IsFromBot() && a.Text() == "How can I help?");
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "webchat-secret")));
            }
        }
        finally
        {
            WebChatHost.TryDelete(data);
        }
    }

    internal static string SignedToken(WebChatHost host, string conversationId, string userId, TimeSpan expiresIn, bool verified = false)
    {
        var secret = host.Services.GetRequiredService<DirectLineSecret>();
        var now = DateTimeOffset.UtcNow;
        return new DirectLineToken(conversationId, new WebChatUser(userId, Verified: verified), now.AddHours(-2), now + expiresIn).Sign(secret.TokenKey);
    }
}
