using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

public sealed class AgentsOptionsValidatorTests
{
    private static readonly Lazy<string> Hash = new(() => AgentPasswordHasher.Hash("a long password"));

    [Fact]
    public void Validate_WellFormedAccounts_Succeeds()
    {
        var options = Options(("alice", Hash.Value), ("bob", Hash.Value));

        Assert.Empty(AgentsOptionsValidator.Errors(options));
        Assert.True(new AgentsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_NoAccounts_Succeeds()
    {
        Assert.Empty(AgentsOptionsValidator.Errors(new AgentsOptions()));
    }

    [Fact]
    public void Validate_IdsDifferingOnlyInCase_NamesBothAccounts()
    {
        var options = Options(("alice", Hash.Value), ("Alice", Hash.Value));

        var error = Assert.Single(AgentsOptionsValidator.Errors(options));

        Assert.Contains("Agents:Accounts:1:Id 'Alice' is already the id of Agents:Accounts:0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedHash_NamesTheSettingWithoutQuotingIt()
    {
        var options = Options(("alice", Hash.Value), ("bob", "hunter2-plain"));

        var error = Assert.Single(AgentsOptionsValidator.Errors(options));

        Assert.StartsWith("Agents:Accounts:1:PasswordHash:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingIdAndHash_BothReported()
    {
        var options = Options(("", ""));

        var errors = AgentsOptionsValidator.Errors(options).ToList();

        Assert.Contains(errors, e => e.StartsWith("Agents:Accounts:0:Id is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Agents:Accounts:0:PasswordHash:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BlankQueueName_Reported()
    {
        var options = Options(("alice", Hash.Value));
        options.Accounts[0].Queues.Add(" ");

        Assert.Contains("Agents:Accounts:0:Queues", Assert.Single(AgentsOptionsValidator.Errors(options)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_UnknownRole_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WorkspaceHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Agents:Accounts:1:Role"] = "superuser",
        }));

        Assert.Contains("Agents:Accounts:1:Role 'superuser' is not a role", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, AgentRole.Agent)]
    [InlineData("agent", AgentRole.Agent)]
    [InlineData(" Admin ", AgentRole.Admin)]
    public async Task SignIn_RoleInConfiguration_IsTheSessionsRole(string? role, AgentRole expected)
    {
        await using var host = await WorkspaceHost.StartAsync(settings: new Dictionary<string, string?> { ["Agents:Accounts:1:Role"] = role });
        var session = await host.SignInAsync("bob", WorkspaceHost.BobPassword);

        using var me = await host.SendAsync(HttpMethod.Get, "/api/agent/me", session);

        var body = System.Text.Json.JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(expected.ToString(), body.GetProperty("role").GetString());
    }

    [Fact]
    public async Task AddAgentWorkspace_BadHashInConfiguration_FailsAtStartNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agents:Accounts:0:Id"] = "alice",
            ["Agents:Accounts:0:PasswordHash"] = Hash.Value,
            ["Agents:Accounts:1:Id"] = "bob",
            ["Agents:Accounts:1:PasswordHash"] = "pbkdf2-sha256$12$x$y",
        }).Build());
        services.AddSingleton<IHandoffDesk>(new FakeHandoffDesk());
        services.AddOmnichannelBot(bot => bot.AddAgentWorkspace());
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AgentsOptions>>().Value);

        Assert.Contains("Agents:Accounts:1:PasswordHash", error.Message, StringComparison.Ordinal);
        Assert.Contains(provider.GetServices<IBotEndpoints>(), e => e is AgentWorkspaceEndpoints);
        Assert.IsType<AgentPresence>(provider.GetRequiredService<IAgentPresence>());
    }

    [Fact]
    public async Task HostStart_BadAccountInConfiguration_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WorkspaceHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Agents:Accounts:2:Id"] = "BOB",
            ["Agents:Accounts:2:PasswordHash"] = "plain-text-password",
        }));

        Assert.Contains("Agents:Accounts:2:Id 'BOB' is already the id of Agents:Accounts:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Agents:Accounts:2:PasswordHash", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-text-password", error.Message, StringComparison.Ordinal);
    }

    private static AgentsOptions Options(params (string Id, string Hash)[] accounts)
    {
        var options = new AgentsOptions();
        foreach (var (id, hash) in accounts)
        {
            options.Accounts.Add(new AgentAccount { Id = id, PasswordHash = hash });
        }

        return options;
    }
}
