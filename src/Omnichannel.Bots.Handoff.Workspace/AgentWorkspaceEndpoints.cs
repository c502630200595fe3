using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// The agent workspace: the sign-in page <c>GET /agent/login</c> (the only page without a session), the workspace
/// <c>GET /agent</c> and its assets (302 to the sign-in page without a session), sign-in and sign-out
/// (<c>POST|DELETE /api/agent/session</c>), <c>GET /api/agent/me</c>, the ticket API (<see cref="AgentTicketApi"/>), the
/// customer API (<see cref="AgentCustomerApi"/>), the live event stream (<see cref="AgentEventStream"/>), and for admins
/// customers' export and erasure (<see cref="AgentCustomerPrivacyApi"/>) and the journey metrics (<see cref="AgentMetricsApi"/>).
/// Every <c>/api/agent</c> route but the sign-in answers 401 without a session.
/// </summary>
internal sealed class AgentWorkspaceEndpoints : IBotEndpoints
{
    public const string LoginPath = "/agent/login";

    private const int MaxSignInBody = 8 * 1024;
    private const int MaxIdLength = 100;
    private const int MaxPasswordLength = 1024;
    private const string SignInShape = "{\"id\": \"agent id\", \"password\": \"...\"}";
    private const string Refused = "Wrong agent id or password.";

    private readonly AgentSessions _sessions;
    private readonly IAgentPresence _presence;
    private readonly AgentTicketApi _tickets;
    private readonly AgentCustomerApi _customers;
    private readonly AgentEventStream _events;
    private readonly AgentCustomerPrivacyApi _privacy;
    private readonly AgentMetricsApi _metrics;
    private readonly AgentPageResources _pages = new();

    public AgentWorkspaceEndpoints(AgentSessions sessions, IAgentPresence presence, AgentTicketApi tickets, AgentCustomerApi customers, AgentEventStream events, AgentCustomerPrivacyApi privacy, AgentMetricsApi metrics)
    {
        _sessions = sessions;
        _presence = presence;
        _tickets = tickets;
        _customers = customers;
        _events = events;
        _privacy = privacy;
        _metrics = metrics;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LoginPath, LoginPage);
        endpoints.MapGet("/agent", WorkspacePage);
        endpoints.MapGet("/agent/{**path}", Asset);
        endpoints.MapPost("/api/agent/session", (Func<HttpContext, Task<IResult>>)SignInAsync).RequireRateLimiting(BotRateLimits.SignInsPerAddress);

        Map(endpoints, HttpMethods.Delete, "/api/agent/session", SignOut);
        Map(endpoints, HttpMethods.Get, "/api/agent/me", (_, session) => Task.FromResult(AgentJson.Ok(Me(session.Agent))));
        Map(endpoints, HttpMethods.Get, "/api/agent/queues", _tickets.QueuesAsync);
        Map(endpoints, HttpMethods.Get, "/api/agent/tickets/{id}", _tickets.DetailAsync);
        foreach (var action in AgentTicketApi.Actions)
        {
            Map(endpoints, HttpMethods.Post, "/api/agent/tickets/{id}/" + action, (http, session) => _tickets.ActAsync(http, session, action));
        }

        Map(endpoints, HttpMethods.Get, "/api/agent/events", _events.StreamAsync);

        // Who a customer is and an agent's unlink (AgentCustomerApi).
        Map(endpoints, HttpMethods.Get, "/api/agent/customers/{id}", _customers.ProfileAsync);
        Map(endpoints, HttpMethods.Delete, "/api/agent/customers/{id}/identities/{key}", _customers.UnlinkAsync);
        // Admins only: customers' export and erasure, the journey metrics.
        MapAdmin(endpoints, HttpMethods.Get, "/api/agent/customers/{id}/export", _privacy.ExportAsync);
        MapAdmin(endpoints, HttpMethods.Post, "/api/agent/customers/{id}/erase", _privacy.EraseAsync);
        MapAdmin(endpoints, HttpMethods.Get, "/api/agent/metrics", _metrics.GetAsync);

        // Anything else under /api/agent: 401 without a session (nothing to learn about the API), 404 with one.
        endpoints.Map(
            "/api/agent/{**rest}",
            AgentRequestGuard.Authenticated(_sessions, _presence, (_, _) => Task.FromResult(AgentJson.Error(StatusCodes.Status404NotFound, "No such agent API."))));
    }

    private void Map(IEndpointRouteBuilder endpoints, string method, string pattern, Func<HttpContext, AgentSession, Task<IResult>> handler) =>
        endpoints.MapMethods(pattern, [method], AgentRequestGuard.Authenticated(_sessions, _presence, handler));

    private void MapAdmin(IEndpointRouteBuilder endpoints, string method, string pattern, Func<HttpContext, AgentSession, Task<IResult>> handler) =>
        endpoints.MapMethods(pattern, [method], AgentRequestGuard.Admin(_sessions, _presence, handler));

    private IResult LoginPage(HttpContext http)
    {
        AgentRequestGuard.NoStore(http);
        if (_sessions.Authenticate(http) is not null)
        {
            return Results.Redirect("/agent");
        }

        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var notice = _sessions.HasAccounts
            ? ""
            : "<div id=\"login-no-accounts\" data-testid=\"login-no-accounts\" class=\"notice\" role=\"status\"><strong>No agent accounts are configured.</strong> "
                + "Make a password hash with <code>omnibot agents hash-password</code> (it reads the password from the keyboard or stdin), then add an account under "
                + "<code>Agents:Accounts</code>, for example <code>Agents__Accounts__0__Id=alice</code> and <code>Agents__Accounts__0__PasswordHash=pbkdf2-sha256$…</code>, and restart.</div>";
        var html = _pages.LoginPageTemplate
            .Replace("{{nonce}}", nonce, StringComparison.Ordinal)
            .Replace("<!--notice-->", notice, StringComparison.Ordinal);
        SecurityHeaders(http, $"script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'");
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private IResult WorkspacePage(HttpContext http)
    {
        AgentRequestGuard.NoStore(http);
        if (_sessions.Authenticate(http) is not { } session)
        {
            return Results.Redirect(LoginPath);
        }

        _presence.Seen(session.Agent);
        SecurityHeaders(http, "script-src 'self'; style-src 'self'");
        return Results.Bytes(_pages.WorkspacePage.Bytes, _pages.WorkspacePage.ContentType);
    }

    private IResult Asset(HttpContext http, string? path)
    {
        if (_sessions.Authenticate(http) is null)
        {
            AgentRequestGuard.NoStore(http);
            return Results.Redirect(LoginPath);
        }

        if (string.IsNullOrEmpty(path))
        {
            return WorkspacePage(http);
        }

        if (_pages.Find(path) is not { } asset)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ETag = asset.ETag;
        return http.Request.Headers.IfNoneMatch == asset.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private async Task<IResult> SignInAsync(HttpContext http)
    {
        AgentRequestGuard.NoStore(http);
        if (AgentRequestGuard.CrossSiteProblem(http) is { } crossSite)
        {
            return AgentJson.Error(StatusCodes.Status403Forbidden, crossSite);
        }

        var (root, problem) = await AgentJson.ReadObjectAsync(http.Request, MaxSignInBody, SignInShape).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (id, idProblem) = AgentJson.RequiredString(root, "id", MaxIdLength);
        var (password, passwordProblem) = AgentJson.RequiredString(root, "password", MaxPasswordLength, trim: false);
        if (idProblem is not null || passwordProblem is not null)
        {
            return AgentJson.Error(StatusCodes.Status400BadRequest, string.Join(' ', new[] { idProblem, passwordProblem }.OfType<string>()) + $" Send {SignInShape}.");
        }

        var (outcome, session, retryAfter) = _sessions.SignIn(id, password, ClientAddress(http));
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                _sessions.IssueCookie(http, session!);
                _presence.Seen(session!.Agent);
                return Results.NoContent();
            case SignInOutcome.Throttled:
                var seconds = (long)Math.Ceiling(Math.Max(retryAfter.TotalSeconds, 1));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return AgentJson.Error(StatusCodes.Status429TooManyRequests, ThrottledMessage(seconds));
            default:
                return AgentJson.Error(StatusCodes.Status401Unauthorized, Refused);
        }
    }

    private Task<IResult> SignOut(HttpContext http, AgentSession session)
    {
        _sessions.SignOut(session);
        _presence.SignedOut(session.Agent.Id);
        AgentSessions.ClearCookie(http);
        return Task.FromResult(Results.NoContent());
    }

    /// <summary>What the sign-in form shows: the same for every account name, known or not.</summary>
    internal static string ThrottledMessage(long seconds) => seconds switch
    {
        1 => "Too many failed sign-ins; wait 1 second and try again.",
        < 120 => string.Create(CultureInfo.InvariantCulture, $"Too many failed sign-ins; wait {seconds} seconds and try again."),
        _ => string.Create(CultureInfo.InvariantCulture, $"Too many failed sign-ins; wait {(seconds + 59) / 60} minutes and try again."),
    };

    private static object Me(AgentIdentity agent) => new { agent.Id, agent.Name, agent.Queues, agent.Role };

    private static IPAddress? ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress;

    private static void SecurityHeaders(HttpContext http, string scriptAndStyle)
    {
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; {scriptAndStyle}; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.XFrameOptions = "DENY";
    }
}
