using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// Agents' sign-ins, kept in memory (a restart signs everyone out): a random 256-bit session id in an HttpOnly,
/// SameSite=Strict cookie (Secure on HTTPS) with a sliding expiry of <c>Agents:SessionLifetime</c>. A session ends
/// when it expires, on sign-out, or when its account is removed or gets a new password hash in configuration.
/// </summary>
internal sealed class AgentSessions
{
    public const string CookieName = "omnibot_agent";

    private readonly ConcurrentDictionary<string, AgentSession> _sessions = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<AgentsOptions> _options;
    private readonly TimeProvider _time;
    private readonly SignInThrottle _throttle;
    private long _passwordChecks;

    public AgentSessions(IOptionsMonitor<AgentsOptions> options, TimeProvider time, SignInThrottle throttle)
    {
        _options = options;
        _time = time;
        _throttle = throttle;
    }

    public TimeSpan Lifetime => _options.CurrentValue.SessionLifetime;

    public bool HasAccounts => _options.CurrentValue.Accounts.Count > 0;

    /// <summary>Passwords checked (PBKDF2 runs) since start; throttled attempts check none.</summary>
    public long PasswordChecks => Interlocked.Read(ref _passwordChecks);

    /// <summary>
    /// Checks the password. A wrong password and an unknown name are refused alike and cost the same work (an unknown
    /// name is checked against a throw-away hash). The attempt is counted by the throttle before the check; a throttled
    /// one is refused without checking, with how long to wait.
    /// </summary>
    public (SignInOutcome Outcome, AgentSession? Session, TimeSpan RetryAfter) SignIn(string accountId, string password, IPAddress? client)
    {
        var reservation = _throttle.Reserve(accountId, client);
        if (!reservation.Granted)
        {
            return (SignInOutcome.Throttled, null, reservation.RetryAfter);
        }

        var account = FindAccount(accountId);
        var matches = false;
        try
        {
            Interlocked.Increment(ref _passwordChecks);
            matches = account is null ? AgentPasswordHasher.VerifyDummy(password) : AgentPasswordHasher.Verify(password, account.PasswordHash);
        }
        catch (FormatException)
        {
            // A hash broken by a configuration reload (start-up validation stops a broken one at start): nobody signs in with it.
            matches = AgentPasswordHasher.VerifyDummy(password);
        }
        finally
        {
            _throttle.Complete(reservation, matches && account is not null);
        }

        if (!matches || account is null)
        {
            return (SignInOutcome.Refused, null, TimeSpan.Zero);
        }

        RemoveExpired();
        var now = _time.GetUtcNow();
        var session = new AgentSession(NewSessionId(), Identity(account), account.PasswordHash, now);
        _sessions[session.Id] = session;
        return (SignInOutcome.SignedIn, session, TimeSpan.Zero);
    }

    /// <summary>The live session with this id (its expiry slides), or null.</summary>
    public AgentSession? Find(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 100 || !_sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var account = FindAccount(session.Agent.Id);
        if (now - session.LastActivity >= Lifetime || account is null || !string.Equals(account.PasswordHash, session.PasswordHash, StringComparison.Ordinal))
        {
            _sessions.TryRemove(session.Id, out _);
            return null;
        }

        session.Agent = Identity(account);
        session.LastActivity = now;
        return session;
    }

    /// <summary>The live session with this id without sliding its expiry (an open event stream is not activity).</summary>
    public bool IsLive(AgentSession session)
    {
        var account = FindAccount(session.Agent.Id);
        return _sessions.ContainsKey(session.Id)
            && _time.GetUtcNow() - session.LastActivity < Lifetime
            && account is not null
            && string.Equals(account.PasswordHash, session.PasswordHash, StringComparison.Ordinal);
    }

    public void SignOut(AgentSession session) => _sessions.TryRemove(session.Id, out _);

    /// <summary>The request's session from its cookie; refreshes the cookie's expiry now and then so it slides with the session.</summary>
    public AgentSession? Authenticate(HttpContext http)
    {
        var session = Find(http.Request.Cookies[CookieName]);
        if (session is not null && session.LastActivity - session.CookieIssuedAt >= Lifetime / 4)
        {
            IssueCookie(http, session);
        }

        return session;
    }

    public void IssueCookie(HttpContext http, AgentSession session)
    {
        session.CookieIssuedAt = _time.GetUtcNow();
        http.Response.Cookies.Append(CookieName, session.Id, CookieOptions(http, Lifetime));
    }

    public static void ClearCookie(HttpContext http) =>
        http.Response.Cookies.Append(CookieName, "", CookieOptions(http, TimeSpan.Zero));

    private static CookieOptions CookieOptions(HttpContext http, TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private AgentAccount? FindAccount(string accountId)
    {
        var id = accountId.Trim();
        return id.Length == 0
            ? null
            : _options.CurrentValue.Accounts.FirstOrDefault(a => a is not null && string.Equals(a.Id?.Trim(), id, StringComparison.OrdinalIgnoreCase));
    }

    private void RemoveExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            if (now - session.LastActivity >= Lifetime)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }

    private static AgentIdentity Identity(AgentAccount account) =>
        new(account.Id.Trim(), string.IsNullOrWhiteSpace(account.Name) ? account.Id.Trim() : account.Name.Trim(), [.. account.Queues.Select(q => q.Trim())])
        {
            Role = AgentAccount.TryParseRole(account.Role, out var role) ? role : AgentRole.Agent,
        };

    private static string NewSessionId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
