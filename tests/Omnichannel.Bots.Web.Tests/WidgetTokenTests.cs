using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>POST /api/webchat/token: origins, returning visitors, signed user identities.</summary>
public sealed class WidgetTokenTests
{
    private const string Shop = "https://shop.example";

    [Fact]
    public async Task AllowedOrigin_GetsATokenForANewConversation_WithCorsHeaders()
    {
        await using var host = await StartAsync();

        using var response = await RequestTokenAsync(host, Shop, new { });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var conversation = Conversation(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Shop, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.StartsWith("dl_", body.GetProperty("userId").GetString(), StringComparison.Ordinal);
        Assert.False(body.GetProperty("resumed").GetBoolean());
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://shop.example")]
    [InlineData(null)]
    public async Task OtherOrMissingOrigin_Is403(string? origin)
    {
        await using var host = await StartAsync();

        using var response = await RequestTokenAsync(host, origin, new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task HostsOwnOrigin_IsAlwaysAllowed()
    {
        await using var host = await WebChatHost.StartAsync();

        using var response = await RequestTokenAsync(host, host.BaseUrl.GetLeftPart(UriPartial.Authority), new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_AllowsPostWithJson()
    {
        await using var host = await StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/webchat/token");
        request.Headers.Add("Origin", Shop);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Shop, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Content-Type", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_WithAKeptToken_SameConversationAndItsHistory()
    {
        await using var host = await StartAsync();
        using var first = await RequestTokenAsync(host, Shop, new { });
        var kept = await first.Content.ReadFromJsonAsync<JsonElement>();
        var conversation = Conversation(kept);
        await host.PostMessageAsync(conversation, "hi");
        await host.WaitForBotTextAsync(conversation, "How can I help?");

        using var second = await RequestTokenAsync(host, Shop, ResumeBody(kept));
        var resumed = await second.Content.ReadFromJsonAsync<JsonElement>();
        var history = await host.GetActivitiesAsync(Conversation(resumed));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.Equal(conversation.Id, resumed.GetProperty("conversationId").GetString());
        Assert.Equal(kept.GetProperty("userId").GetString(), resumed.GetProperty("userId").GetString());
        Assert.Contains(history.Activities, a => a.Text() == "How can I help?");
    }

    [Fact]
    public async Task Resume_AnExpiredTokenWithinTheResumeWindow_SameConversation()
    {
        await using var host = await StartAsync();
        using var first = await RequestTokenAsync(host, Shop, new { });
        var kept = await first.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = kept.GetProperty("conversationId").GetString()!;
        var expired = DirectLineAuthTests.SignedToken(host, conversationId, kept.GetProperty("userId").GetString()!, expiresIn: TimeSpan.FromHours(-2));

        using var second = await RequestTokenAsync(host, Shop, new { resume = expired, resumeSecret = kept.GetProperty("resumeSecret").GetString() });
        var resumed = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(conversationId, resumed.GetProperty("conversationId").GetString());
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
    }

    [Fact]
    public async Task Resume_WithTheTokenAlone_Is401AndIssuesNothing()
    {
        await using var host = await StartAsync();
        using var first = await RequestTokenAsync(host, Shop, new { });
        var kept = await first.Content.ReadFromJsonAsync<JsonElement>();

        using var second = await RequestTokenAsync(host, Shop, new { resume = kept.GetProperty("token").GetString() });
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("resumeSecret", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task Resume_WithAnotherConversationsSecret_Is401AndIssuesNothing()
    {
        await using var host = await StartAsync();
        using var first = await RequestTokenAsync(host, Shop, new { });
        var kept = await first.Content.ReadFromJsonAsync<JsonElement>();
        using var other = await RequestTokenAsync(host, Shop, new { });
        var otherSecret = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumeSecret").GetString();

        using var second = await RequestTokenAsync(host, Shop, new { resume = kept.GetProperty("token").GetString(), resumeSecret = otherSecret });
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.False(body.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task Resume_WithTheSecret_RotatesIt_TheUsedOneNoLongerWorks()
    {
        await using var host = await StartAsync();
        using var first = await RequestTokenAsync(host, Shop, new { });
        var kept = await first.Content.ReadFromJsonAsync<JsonElement>();

        using var second = await RequestTokenAsync(host, Shop, ResumeBody(kept));
        var resumed = await second.Content.ReadFromJsonAsync<JsonElement>();
        using var replayed = await RequestTokenAsync(host, Shop, ResumeBody(kept));
        using var third = await RequestTokenAsync(host, Shop, ResumeBody(resumed));
        var again = await third.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.NotEqual(kept.GetProperty("resumeSecret").GetString(), resumed.GetProperty("resumeSecret").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(kept.GetProperty("conversationId").GetString(), again.GetProperty("conversationId").GetString());
    }

    [Theory]
    [InlineData(23, true)]
    [InlineData(25, false)]
    public async Task Resume_DefaultWindow_IsADayAfterExpiry(int hoursExpired, bool resumes)
    {
        await using var host = await StartAsync();
        using var first = await RequestTokenAsync(host, Shop, new { });
        var kept = await first.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = kept.GetProperty("conversationId").GetString()!;
        var expired = DirectLineAuthTests.SignedToken(host, conversationId, kept.GetProperty("userId").GetString()!, expiresIn: TimeSpan.FromHours(-hoursExpired));

        using var second = await RequestTokenAsync(host, Shop, new { resume = expired, resumeSecret = kept.GetProperty("resumeSecret").GetString() });
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(resumes, body.GetProperty("resumed").GetBoolean());
        Assert.Equal(resumes, conversationId == body.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Start_ResumeWindowOverThirtyDays_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => WebChatHost.StartAsync(["Channels:WebChat:ResumeWindow=31.00:00:00"]));

        Assert.Contains("Channels:WebChat:ResumeWindow", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("past the resume window")]
    [InlineData("signed-in conversation, anonymous visitor")]
    public async Task Resume_NotAllowed_NewConversationInstead(string kind)
    {
        await using var host = await StartAsync();
        using var first = await RequestTokenAsync(host, Shop, new { });
        var kept = await first.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = kept.GetProperty("conversationId").GetString()!;
        var token = kept.GetProperty("token").GetString()!;
        var resume = kind switch
        {
            "tampered" => token[..^2] + (token[^2] == 'A' ? "BB" : "AA"),
            "past the resume window" => DirectLineAuthTests.SignedToken(host, conversationId, "dl_x", expiresIn: TimeSpan.FromDays(-31)),
            _ => DirectLineAuthTests.SignedToken(host, conversationId, "site:customer-7", expiresIn: TimeSpan.FromMinutes(5), verified: true),
        };

        using var second = await RequestTokenAsync(host, Shop, new { resume, resumeSecret = kept.GetProperty("resumeSecret").GetString() });
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(conversationId, body.GetProperty("conversationId").GetString());
        Assert.False(body.GetProperty("resumed").GetBoolean());
    }

    [Fact]
    public async Task SignedIdentity_RecognisedAsTheSitesUser_AndLinkedByEmailAndPhone()
    {
        await using var host = await StartAsync();
        var identity = Jwt(new { sub = "customer-7", email = "Ana@Example.com", phone_number = "+1 650 555 0100", name = "Ana", exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds() });

        using var response = await RequestTokenAsync(host, Shop, new { userToken = identity });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var conversation = Conversation(body);
        await host.PostMessageAsync(conversation, "hi");
        await host.WaitForBotTextAsync(conversation, "How can I help?");
        var customerId = CustomerOf(host, conversation.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("site:customer-7", body.GetProperty("userId").GetString());
        Assert.Equal(
            ["email:ana@example.com", "phone:+16505550100", "webchat:site:customer-7"],
            IdentityKeysOf(host, customerId).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["channel-address webchat", "signed-identity webchat", "signed-identity webchat"],
            Query(host, "SELECT provenance || ' ' || vouched_by FROM customer_identities WHERE customer_id = $id", customerId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Anonymous_NeverLinkedByWhatTheClientClaims()
    {
        await using var host = await StartAsync();
        using var response = await RequestTokenAsync(host, Shop, new { });
        var conversation = Conversation(await response.Content.ReadFromJsonAsync<JsonElement>());

        await host.PostMessageAsync(conversation, "hi");
        await host.WaitForBotTextAsync(conversation, "How can I help?");
        var customerId = CustomerOf(host, conversation.Id);

        Assert.Single(IdentityKeysOf(host, customerId));
    }

    [Theory]
    [InlineData("wrong secret")]
    [InlineData("expired")]
    [InlineData("no sub")]
    [InlineData("alg none")]
    [InlineData("too long-lived")]
    [InlineData("bad phone")]
    [InlineData("not a jwt")]
    public async Task SignedIdentity_Refused_Is401(string kind)
    {
        await using var host = await StartAsync();
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var userToken = kind switch
        {
            "wrong secret" => Jwt(new { sub = "u1", exp }, "another-secret-another-secret-another-secret"),
            "expired" => Jwt(new { sub = "u1", exp = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds() }),
            "no sub" => Jwt(new { exp }),
            "alg none" => Base64Url.EncodeToString("{\"alg\":\"none\"}"u8) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { sub = "u1", exp })) + ".",
            "too long-lived" => Jwt(new { sub = "u1", exp = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds() }),
            "bad phone" => Jwt(new { sub = "u1", exp, phone_number = "call me" }),
            _ => "not-a-jwt",
        };

        using var response = await RequestTokenAsync(host, Shop, new { userToken });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"resume\":42}")]
    public async Task MalformedBody_Is400(string body)
    {
        await using var host = await StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", Shop);
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413()
    {
        await using var host = await StartAsync();

        using var response = await RequestTokenAsync(host, Shop, new { resume = new string('x', 20 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Widget_ServedAsJavaScriptWithAnETag()
    {
        await using var host = await StartAsync();

        using var response = await host.Http.GetAsync("/webchat.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/webchat.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.Tag);
        using var notModified = await host.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("omnibot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    private static Task<WebChatHost> StartAsync() => WebChatHost.StartAsync([$"Channels:WebChat:AllowedOrigins:0={Shop}"]);

    private static Task<HttpResponseMessage> RequestTokenAsync(WebChatHost host, string? origin, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = JsonContent.Create(body) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return host.Http.SendAsync(request);
    }

    /// <summary>What the widget sends to resume: the token and the resume secret it kept from this response.</summary>
    private static object ResumeBody(JsonElement tokenResponse) =>
        new { resume = tokenResponse.GetProperty("token").GetString(), resumeSecret = tokenResponse.GetProperty("resumeSecret").GetString() };

    private static StartedConversation Conversation(JsonElement tokenResponse) =>
        new(tokenResponse.GetProperty("conversationId").GetString()!, tokenResponse.GetProperty("token").GetString()!, new Uri("ws://unused"));

    private static string CustomerOf(WebChatHost host, string webChatConversationId) =>
        Query(host, "SELECT customer_id FROM conversations WHERE channel = 'webchat' AND external_id = $id", webChatConversationId).Single();

    private static List<string> IdentityKeysOf(WebChatHost host, string customerId) =>
        Query(host, "SELECT identity_key FROM customer_identities WHERE customer_id = $id", customerId);

    private static List<string> Query(WebChatHost host, string sql, string id)
    {
        var file = host.Services.GetRequiredService<SqliteDatabase>().FilePath;
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constants of this class; the value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static string Jwt(object claims, string secret = WebChatHost.IdentitySecret) => WebChatHost.SignedUserToken(claims, secret);
}
