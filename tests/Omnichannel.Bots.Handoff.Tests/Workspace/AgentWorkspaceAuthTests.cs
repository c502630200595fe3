using System.Net;
using System.Text.Json;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

public sealed class AgentWorkspaceAuthTests
{
    public static TheoryData<string, string> ApiRoutes => new()
    {
        { "GET", "/api/agent/me" },
        { "DELETE", "/api/agent/session" },
        { "GET", "/api/agent/queues" },
        { "GET", "/api/agent/tickets/1" },
        { "POST", "/api/agent/tickets/1/claim" },
        { "POST", "/api/agent/tickets/1/reply" },
        { "POST", "/api/agent/tickets/1/notes" },
        { "POST", "/api/agent/tickets/1/transfer" },
        { "POST", "/api/agent/tickets/1/resolve" },
        { "POST", "/api/agent/tickets/1/return" },
        { "GET", "/api/agent/events" },
        { "GET", "/api/agent/no-such-route" },
        { "PUT", "/api/agent/tickets/1" },
    };

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task ApiRoute_WithoutSession_Returns401Json(string method, string path)
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SendAsync(new HttpMethod(method), path, json: "{\"text\":\"hi\",\"queue\":\"billing\"}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Sign in first.", body.GetProperty("error").GetString());
        Assert.Empty(host.Desk.Calls);
    }

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task ApiRoute_WithUnknownSessionCookie_Returns401(string method, string path)
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SendAsync(new HttpMethod(method), path, session: "forged-session-id", json: "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/agent")]
    [InlineData("/agent/")]
    [InlineData("/agent/agent.js")]
    [InlineData("/agent/agent.css")]
    [InlineData("/agent/anything/else")]
    public async Task AgentPage_WithoutSession_RedirectsToLogin(string path)
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LoginPage_WithoutSession_ServesFormWithNonceCsp()
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/agent/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"login-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("login-no-accounts", html, StringComparison.Ordinal);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("{{nonce}}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_NoAccountsConfigured_SaysHowToAddOne()
    {
        await using var host = await WorkspaceHost.StartAsync(withAccounts: false);

        using var response = await host.SendAsync(HttpMethod.Get, "/agent/login");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"login-no-accounts\"", html, StringComparison.Ordinal);
        Assert.Contains("omnibot agents hash-password", html, StringComparison.Ordinal);
        Assert.Contains("Agents:Accounts", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPassword_Returns204WithSessionCookieThatOpensTheWorkspace()
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SignInResponseAsync("alice", WorkspaceHost.AlicePassword);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = WorkspaceHost.SessionCookie(response)!;
        Assert.Equal(43, cookie.Length); // 32 random bytes, base64url without padding
        using var page = await host.SendAsync(HttpMethod.Get, "/agent", cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"queues\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var script = await host.SendAsync(HttpMethod.Get, "/agent/agent.js", cookie);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        using var me = await host.SendAsync(HttpMethod.Get, "/api/agent/me", cookie);
        var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("alice", body.GetProperty("id").GetString());
        Assert.Equal("Alice A.", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task SignIn_IdInOtherCase_SignsIn()
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SignInResponseAsync("ALICE", WorkspaceHost.AlicePassword);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_Cookie_IsHttpOnlyStrictRootPathWithLifetime()
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SignInResponseAsync("alice", WorkspaceHost.AlicePassword);

        var header = WorkspaceHost.SetCookieHeader(response)!.ToLowerInvariant();
        Assert.Contains("httponly", header, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", header, StringComparison.Ordinal);
        Assert.Contains("path=/", header, StringComparison.Ordinal);
        Assert.Contains("max-age=28800", header, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", header, StringComparison.Ordinal); // plain HTTP here; Secure is set on HTTPS
    }

    [Fact]
    public async Task SignIn_WrongPasswordAndUnknownUser_SameStatusAndMessage()
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var wrong = await host.SignInResponseAsync("alice", "not the password");
        using var unknown = await host.SignInResponseAsync("mallory", "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Null(WorkspaceHost.SetCookieHeader(wrong));
        Assert.Null(WorkspaceHost.SetCookieHeader(unknown));
    }

    [Fact]
    public async Task SignIn_FiveFailuresFromOneAddress_ThatAddressWaitsASecondEvenWithTheRightPassword()
    {
        await using var host = await WorkspaceHost.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await host.SignInResponseAsync("alice", "guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var throttled = await host.SignInResponseAsync("alice", WorkspaceHost.AlicePassword);
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal("1", throttled.Headers.RetryAfter?.ToString());
        Assert.Contains("wait 1 second and try again", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        using var later = await host.SignInResponseAsync("alice", WorkspaceHost.AlicePassword);
        Assert.Equal(HttpStatusCode.NoContent, later.StatusCode);
    }

    [Fact]
    public async Task SignIn_TenFailuresFromOneAddressOverManyNames_ThatAddressWaits()
    {
        await using var host = await WorkspaceHost.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            using var failed = await host.SignInResponseAsync("nobody" + i, "guess");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var throttled = await host.SignInResponseAsync("bob", WorkspaceHost.BobPassword);
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);

        host.Time.Advance(throttled.Headers.RetryAfter!.Delta!.Value);
        using var later = await host.SignInResponseAsync("bob", WorkspaceHost.BobPassword);
        Assert.Equal(HttpStatusCode.NoContent, later.StatusCode);
    }

    [Fact]
    public async Task SignIn_FailuresFartherApartThanTheWait_NotThrottled()
    {
        await using var host = await WorkspaceHost.StartAsync();
        for (var i = 0; i < 6; i++)
        {
            using var failed = await host.SignInResponseAsync("alice", "guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            host.Time.Advance(TimeSpan.FromMinutes(2));
        }

        using var response = await host.SignInResponseAsync("alice", WorkspaceHost.AlicePassword);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("", "The body is empty")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"id\":\"alice\"}", "'password' is missing")]
    [InlineData("{\"id\":\"\",\"password\":\"x\"}", "'id' is empty")]
    [InlineData("{\"id\":5,\"password\":\"x\"}", "'id' must be a string")]
    public async Task SignIn_MalformedBody_Returns400WithReason(string body, string expected)
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/session", json: body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutCsrfHeader_Returns403()
    {
        await using var host = await WorkspaceHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/session", json: "{\"id\":\"alice\",\"password\":\"correct horse battery\"}", csrfHeader: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-Requested-With", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithSessionButWithoutCsrfHeader_Returns403AndDeskUntouched()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/1/claim", session, csrfHeader: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Desk.Calls);
    }

    [Fact]
    public async Task Post_FromAnotherOrigin_Returns403()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        using var request = WorkspaceHost.Request(HttpMethod.Post, "/api/agent/tickets/1/claim", session);
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Desk.Calls);
    }

    [Fact]
    public async Task Post_FromOwnOrigin_Accepted()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        using var request = WorkspaceHost.Request(HttpMethod.Post, "/api/agent/tickets/1/claim", session);
        request.Headers.Add("Origin", host.BaseUrl.GetLeftPart(UriPartial.Authority));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionAndClearsTheCookie()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var signOut = await host.SendAsync(HttpMethod.Delete, "/api/agent/session", session);
        using var after = await host.SendAsync(HttpMethod.Get, "/api/agent/me", session);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Contains("max-age=0", WorkspaceHost.SetCookieHeader(signOut)!.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Session_IdleLongerThanLifetime_Expires()
    {
        await using var host = await WorkspaceHost.StartAsync(settings: new Dictionary<string, string?> { ["Agents:SessionLifetime"] = "00:30:00" });
        var session = await host.SignInAsync();

        host.Time.Advance(TimeSpan.FromMinutes(20));
        using var active = await host.SendAsync(HttpMethod.Get, "/api/agent/me", session);
        host.Time.Advance(TimeSpan.FromMinutes(20));
        using var stillActive = await host.SendAsync(HttpMethod.Get, "/api/agent/me", session);
        host.Time.Advance(TimeSpan.FromMinutes(31));
        using var expired = await host.SendAsync(HttpMethod.Get, "/api/agent/me", session);

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillActive.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task LoginPage_WithSession_RedirectsToWorkspace()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/agent/login", session);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent", response.Headers.Location?.OriginalString);
    }
}
