using System.Net;
using System.Net.Http.Json;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Agent accounts for workspace tests on the sample host: <c>alice</c> (every queue), <c>bill</c> (billing only) and
/// <c>root</c> (billing, admin), one password; signing in over HTTP; and a web chat customer's escalation.
/// </summary>
public static class AgentAccounts
{
    public const string Password = "correct horse battery staple";

    private static readonly Lazy<string> Hash = new(() => AgentPasswordHasher.Hash(Password, AgentPasswordHasher.MinimumIterations));

    /// <summary>The accounts as host settings.</summary>
    public static string[] Settings() =>
    [
        "Agents:Accounts:0:Id=alice",
        "Agents:Accounts:0:Name=Alice Agent",
        $"Agents:Accounts:0:PasswordHash={Hash.Value}",
        "Agents:Accounts:1:Id=bill",
        $"Agents:Accounts:1:PasswordHash={Hash.Value}",
        "Agents:Accounts:1:Queues:0=billing",
        "Agents:Accounts:2:Id=root",
        $"Agents:Accounts:2:PasswordHash={Hash.Value}",
        "Agents:Accounts:2:Queues:0=billing",
        "Agents:Accounts:2:Role=admin",
    ];

    /// <summary>A client signed in as <paramref name="id"/> (session cookie, the workspace's CSRF header).</summary>
    public static async Task<HttpClient> SignInAsync(WebChatHost host, string id)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Requested-With", "omnibot-agent");
        using var response = await client.PostAsJsonAsync("/api/agent/session", new { id, password = Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    /// <summary>The customer asks for a person; the handoff's ticket number, from the desk.</summary>
    public static async Task<long> EscalateAsync(WebChatHost host, StartedConversation conversation)
    {
        await host.PostMessageAsync(conversation, "I want to talk to a real person");
        await host.WaitUntilIdleAsync();
        var desk = (IHandoffDesk)host.Services.GetService(typeof(IHandoffDesk))!;
        return Assert.Single(await desk.ListOpenAsync(CancellationToken.None)).Id;
    }
}
