using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Journeys.Tests;

/// <summary>The agent workspace's endpoints on Kestrel (loopback, free port) with an agent (alice) and an admin (root), and the given metrics.</summary>
internal sealed class MetricsApiHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private static readonly Lazy<string> Hash = new(() => AgentPasswordHasher.Hash(Password));

    private readonly WebApplication _app;

    private MetricsApiHost(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    public HttpClient Http { get; }

    public static async Task<MetricsApiHost> StartAsync(IJourneyMetrics? metrics, DateTimeOffset now)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agents:Accounts:0:Id"] = "alice",
            ["Agents:Accounts:0:PasswordHash"] = Hash.Value,
            ["Agents:Accounts:1:Id"] = "root",
            ["Agents:Accounts:1:PasswordHash"] = Hash.Value,
            ["Agents:Accounts:1:Role"] = "admin",
        });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        if (metrics is not null)
        {
            builder.Services.AddSingleton(metrics);
        }

        AgentWorkspaceServices.Add(builder.Services, configure: null);
        var app = builder.Build();
        app.UseBotRateLimits();
        foreach (var endpoints in app.Services.GetServices<IBotEndpoints>())
        {
            endpoints.Map(app);
        }

        await app.StartAsync();
        return new MetricsApiHost(app);
    }

    /// <summary>Signs in; the session cookie's value.</summary>
    public async Task<string> SignInAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agent/session") { Content = JsonContent.Create(new { id, password = Password }) };
        request.Headers.Add("X-Requested-With", "omnibot-agent");
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(AgentSessions.CookieName + "=", StringComparison.Ordinal));
        return cookie[(AgentSessions.CookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (session is not null)
        {
            request.Headers.Add("Cookie", $"{AgentSessions.CookieName}={session}");
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
