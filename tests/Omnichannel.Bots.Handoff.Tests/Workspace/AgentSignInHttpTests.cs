using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

/// <summary>Sign-in throttling over real HTTP, with an attacker connecting from 127.0.0.1 and the agent from 127.0.0.2.</summary>
public sealed class AgentSignInHttpTests
{
    [Fact]
    public async Task SignIn_ParallelBurstOf50FromOneAddress_FivePasswordChecksAndTheAgentElsewhereSignsIn()
    {
        await using var host = await WorkspaceHost.StartAsync();
        using var attacker = host.ClientFrom("127.0.0.1");
        using var agent = host.ClientFrom("127.0.0.2");

        var burst = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => WorkspaceHost.SignInResponseAsync(attacker, "alice", "guess " + i)));

        var statuses = burst.Select(r => r.StatusCode).ToList();
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(45, statuses.Count(s => s == (HttpStatusCode)429));
        Assert.All(burst.Where(r => r.StatusCode == (HttpStatusCode)429), r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.Delta));
        Assert.Equal(5, host.Services.GetRequiredService<AgentSessions>().PasswordChecks);
        foreach (var response in burst)
        {
            response.Dispose();
        }

        using var signedIn = await WorkspaceHost.SignInResponseAsync(agent, "alice", WorkspaceHost.AlicePassword);
        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
    }

    [Fact]
    public async Task SignIn_AttackerFailedFifteenTimes_AgentFromOtherAddressSignsInWithinFiveSeconds()
    {
        await using var host = await WorkspaceHost.StartAsync();
        using var attacker = host.ClientFrom("127.0.0.1");
        using var agent = host.ClientFrom("127.0.0.2");
        var failures = 0;
        var attackerWaits = new List<TimeSpan>();
        while (failures < 15)
        {
            using var response = await WorkspaceHost.SignInResponseAsync(attacker, "alice", "guess " + failures);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                failures++;
            }
            else
            {
                Assert.Equal((HttpStatusCode)429, response.StatusCode);
                var wait = response.Headers.RetryAfter!.Delta!.Value;
                attackerWaits.Add(wait);
                host.Time.Advance(wait);
            }
        }

        using var first = await WorkspaceHost.SignInResponseAsync(agent, "alice", WorkspaceHost.AlicePassword);
        if (first.StatusCode != HttpStatusCode.NoContent)
        {
            Assert.Equal((HttpStatusCode)429, first.StatusCode);
            var wait = first.Headers.RetryAfter!.Delta!.Value;
            Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            Assert.Contains($"wait {wait.TotalSeconds} seconds", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            host.Time.Advance(wait);
            using var second = await WorkspaceHost.SignInResponseAsync(agent, "alice", WorkspaceHost.AlicePassword);
            Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        }

        // Meanwhile the attacker's own waits grew past a minute.
        Assert.Equal(attackerWaits.Order(), attackerWaits);
        Assert.True(attackerWaits[^1] > TimeSpan.FromMinutes(1), $"the attacker's own wait grows: {string.Join(", ", attackerWaits)}");
    }

    [Fact]
    public async Task HostStart_SharedMaxDelayOverAMinute_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WorkspaceHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Agents:SignIn:SharedMaxDelay"] = "00:10:00",
        }));

        Assert.Contains("Agents:SignIn:SharedMaxDelay", error.Message, StringComparison.Ordinal);
    }
}
