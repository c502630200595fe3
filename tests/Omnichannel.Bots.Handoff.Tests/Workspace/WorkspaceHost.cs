using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

/// <summary>
/// The agent workspace's real endpoints on Kestrel at 127.0.0.1 on a free port, over a <see cref="FakeHandoffDesk"/>,
/// with two accounts (alice works every queue, bob only billing) and a fake clock. Cookies are sent by hand so tests
/// see exactly what the server set.
/// </summary>
internal sealed class WorkspaceHost : IAsyncDisposable
{
    public const string AlicePassword = "correct horse battery";
    public const string BobPassword = "tr0ub4dor&3-bob";

    private static readonly Lazy<string> AliceHash = new(() => AgentPasswordHasher.Hash(AlicePassword));
    private static readonly Lazy<string> BobHash = new(() => AgentPasswordHasher.Hash(BobPassword));

    private readonly WebApplication _app;

    private WorkspaceHost(WebApplication app, FakeHandoffDesk desk, FakeTimeProvider time)
    {
        _app = app;
        Desk = desk;
        Time = time;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public FakeHandoffDesk Desk { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WorkspaceHost> StartAsync(bool withAccounts = true, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // The sign-in throttle's tests send more sign-ins from one address than the per-address request limit allows;
        // that limit has its own tests (AgentSignInRateLimitTests), which set it.
        var config = new Dictionary<string, string?> { ["Limits:SignInsPerAddress:PermitLimit"] = "1000000" };
        if (withAccounts)
        {
            config["Agents:Accounts:0:Id"] = "alice";
            config["Agents:Accounts:0:Name"] = "Alice A.";
            config["Agents:Accounts:0:PasswordHash"] = AliceHash.Value;
            config["Agents:Accounts:1:Id"] = "bob";
            config["Agents:Accounts:1:PasswordHash"] = BobHash.Value;
            config["Agents:Accounts:1:Queues:0"] = "billing";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        var desk = new FakeHandoffDesk();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IHandoffDesk>(desk);
        AgentWorkspaceServices.Add(builder.Services, configure: null);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseBotRateLimits();
        foreach (var endpoints in app.Services.GetServices<IBotEndpoints>())
        {
            endpoints.Map(app);
        }

        await app.StartAsync();
        return new WorkspaceHost(app, desk, time);
    }

    /// <summary>A request as the workspace page sends it: the CSRF header on anything but GET, the session cookie when given.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? session = null, string? json = null, bool csrfHeader = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (session is not null)
        {
            request.Headers.Add("Cookie", $"{AgentSessions.CookieName}={session}");
        }

        if (csrfHeader)
        {
            request.Headers.Add("X-Requested-With", "omnibot-agent");
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? session = null, string? json = null, bool csrfHeader = true)
    {
        using var request = Request(method, path, session, json, csrfHeader);
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SignInResponseAsync(string id, string password) => SignInResponseAsync(Http, id, password);

    public static async Task<HttpResponseMessage> SignInResponseAsync(HttpClient client, string id, string password)
    {
        using var request = Request(HttpMethod.Post, "/api/agent/session", json: System.Text.Json.JsonSerializer.Serialize(new { id, password }));
        return await client.SendAsync(request);
    }

    /// <summary>
    /// A client whose connections come from <paramref name="localAddress"/> (any 127.x.y.z on Linux loopback), so the
    /// server sees another client address.
    /// </summary>
    public HttpClient ClientFrom(string localAddress)
    {
        var local = IPAddress.Parse(localAddress);
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseUrl };
    }

    /// <summary>Signs in and returns the session cookie's value.</summary>
    public async Task<string> SignInAsync(string id = "alice", string password = AlicePassword)
    {
        using var response = await SignInResponseAsync(id, password);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return SessionCookie(response) ?? throw new InvalidOperationException("no session cookie");
    }

    public static string? SetCookieHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(AgentSessions.CookieName + "=", StringComparison.Ordinal)) : null;

    public static string? SessionCookie(HttpResponseMessage response) =>
        SetCookieHeader(response) is { } header ? header[(AgentSessions.CookieName.Length + 1)..].Split(';')[0] : null;

    /// <summary>Stops the server (as on shutdown) while the test's client stays open.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
