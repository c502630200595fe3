using Microsoft.AspNetCore.Http;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// What every workspace API request passes: a live session (else 401 <c>{"error":"Sign in first."}</c>, never a
/// redirect) and, for anything but GET/HEAD, the CSRF check: header <c>X-Requested-With: omnibot-agent</c> (which a
/// cross-site form cannot send) and, when the browser sends one, an <c>Origin</c> naming this host (else 403).
/// </summary>
internal static class AgentRequestGuard
{
    public const string RequestedWithHeader = "X-Requested-With";

    public const string RequestedWithValue = "omnibot-agent";

    public const string SignInFirst = "Sign in first.";

    /// <summary>Wraps an API handler with the session and CSRF checks; the handler gets the signed-in session.</summary>
    public static Func<HttpContext, Task<IResult>> Authenticated(AgentSessions sessions, IAgentPresence presence, Func<HttpContext, AgentSession, Task<IResult>> handler) =>
        async http =>
        {
            NoStore(http);
            var session = sessions.Authenticate(http);
            if (session is null)
            {
                return AgentJson.Error(StatusCodes.Status401Unauthorized, SignInFirst);
            }

            if (CrossSiteProblem(http) is { } problem)
            {
                return AgentJson.Error(StatusCodes.Status403Forbidden, problem);
            }

            presence.Seen(session.Agent);
            return await handler(http, session).ConfigureAwait(false);
        };

    public const string AdminsOnly = "This API is for admins (an account with Role ADMIN).";

    /// <summary>Wraps an admin API handler: <see cref="Authenticated"/>, then 403 <c>{"error":...}</c> for a session whose agent is not an admin.</summary>
    public static Func<HttpContext, Task<IResult>> Admin(AgentSessions sessions, IAgentPresence presence, Func<HttpContext, AgentSession, Task<IResult>> handler) =>
        Authenticated(sessions, presence, (http, session) => session.Agent.Role == AgentRole.Admin
            ? handler(http, session)
            : Task.FromResult(AgentJson.Error(StatusCodes.Status403Forbidden, AdminsOnly)));

    /// <summary>Null when the request may change state, else why not (only checked for methods other than GET and HEAD).</summary>
    public static string? CrossSiteProblem(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        if (!string.Equals(request.Headers[RequestedWithHeader], RequestedWithValue, StringComparison.Ordinal))
        {
            return $"This request needs the header {RequestedWithHeader}: {RequestedWithValue} (the workspace page sends it).";
        }

        string? origin = request.Headers.Origin;
        if (string.IsNullOrEmpty(origin))
        {
            return null;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Requests from the origin '{origin}' are not accepted; use the workspace page of this host.";
    }

    public static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
