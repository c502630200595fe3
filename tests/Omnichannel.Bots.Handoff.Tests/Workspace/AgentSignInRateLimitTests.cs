using System.Net;
using System.Text.Json;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

/// <summary>Limits:SignInsPerAddress on POST /api/agent/session: per client address, 429 with Retry-After.</summary>
public sealed class AgentSignInRateLimitTests
{
    [Fact]
    public async Task SignIn_PastTheLimitFromOneAddress_429WithRetryAfterWhileAnotherAddressSignsIn()
    {
        await using var host = await WorkspaceHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Limits:SignInsPerAddress:PermitLimit"] = "2",
            ["Limits:SignInsPerAddress:Window"] = "00:10:00",
        });
        using var other = LoopbackClients.Create(host.BaseUrl, IPAddress.Parse("127.0.0.2"));

        // Correct passwords throughout: this is the request rate, not the password-failure throttle.
        using var first = await host.SignInResponseAsync("alice", WorkspaceHost.AlicePassword);
        using var second = await host.SignInResponseAsync("alice", WorkspaceHost.AlicePassword);
        using var refused = await host.SignInResponseAsync("alice", WorkspaceHost.AlicePassword);
        using var request = WorkspaceHost.Request(HttpMethod.Post, "/api/agent/session", json: JsonSerializer.Serialize(new { id = "alice", password = WorkspaceHost.AlicePassword }));
        using var fromOther = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        Assert.StartsWith("Too many requests", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Null(WorkspaceHost.SessionCookie(refused));
        Assert.Equal(HttpStatusCode.NoContent, fromOther.StatusCode);
    }
}
