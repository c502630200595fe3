using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Handoff.Tests.Workspace;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Handoff.Tests.Privacy;

/// <summary>The admin-only workspace API for a customer's export and erasure, over a recording <see cref="ICustomerPrivacy"/>.</summary>
public sealed class CustomerPrivacyApiTests
{
    // The admin signs in with the workspace tests' own test password (no second password literal).
    private const string CarolPassword = WorkspaceHost.AlicePassword;
    private static readonly Lazy<string> CarolHash = new(() => AgentPasswordHasher.Hash(CarolPassword));

    [Theory]
    [InlineData("GET", "/api/agent/customers/cus_known/export")]
    [InlineData("POST", "/api/agent/customers/cus_known/erase")]
    public async Task Privacy_AgentWithoutAdminRole_Is403AndNothingIsExportedOrErased(string method, string path)
    {
        var privacy = new RecordingPrivacy();
        await using var host = await StartAsync(privacy);
        var alice = await host.SignInAsync();

        using var response = await host.SendAsync(new HttpMethod(method), path, alice);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AgentRequestGuard.AdminsOnly, await ErrorAsync(response));
        Assert.Empty(privacy.Calls);
    }

    [Theory]
    [InlineData("GET", "/api/agent/customers/cus_known/export")]
    [InlineData("POST", "/api/agent/customers/cus_known/erase")]
    public async Task Privacy_NoSession_Is401(string method, string path)
    {
        var privacy = new RecordingPrivacy();
        await using var host = await StartAsync(privacy);

        using var response = await host.SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(privacy.Calls);
    }

    [Fact]
    public async Task Export_Admin_GetsTheJsonAsADownload()
    {
        var privacy = new RecordingPrivacy();
        await using var host = await StartAsync(privacy);
        var carol = await host.SignInAsync("carol", CarolPassword);

        using var response = await host.SendAsync(HttpMethod.Get, "/api/agent/customers/cus_known/export", carol);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"customer-cus_known.json\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(RecordingPrivacy.Export, await response.Content.ReadAsStringAsync());
        Assert.Equal(["export cus_known"], privacy.Calls);
    }

    [Fact]
    public async Task Erase_Admin_AnswersWhatWasDeletedPerFeature()
    {
        var privacy = new RecordingPrivacy();
        await using var host = await StartAsync(privacy);
        var carol = await host.SignInAsync("carol", CarolPassword);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/customers/cus_known/erase", carol);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("cus_known", body.RootElement.GetProperty("customerId").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("rows").GetProperty("core").GetInt32());
        Assert.Equal(2, body.RootElement.GetProperty("rows").GetProperty("handoff").GetInt32());
        Assert.Equal(1, body.RootElement.GetProperty("files").GetInt32());
        Assert.True(body.RootElement.GetProperty("compacted").GetBoolean());
        Assert.Equal(["erase cus_known"], privacy.Calls);
    }

    [Theory]
    [InlineData("GET", "/api/agent/customers/cus_nobody/export")]
    [InlineData("POST", "/api/agent/customers/cus_nobody/erase")]
    public async Task Privacy_UnknownCustomer_Is404NamingIt(string method, string path)
    {
        await using var host = await StartAsync(new RecordingPrivacy());
        var carol = await host.SignInAsync("carol", CarolPassword);

        using var response = await host.SendAsync(new HttpMethod(method), path, carol);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no customer 'cus_nobody' (never was, merged into another, or erased).", await ErrorAsync(response));
    }

    [Fact]
    public async Task Erase_WithoutTheWorkspaceHeader_IsRefusedAsCrossSite()
    {
        var privacy = new RecordingPrivacy();
        await using var host = await StartAsync(privacy);
        var carol = await host.SignInAsync("carol", CarolPassword);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/customers/cus_known/erase", carol, csrfHeader: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(privacy.Calls);
    }

    [Fact]
    public async Task Export_IdLongerThanAnyCustomerId_Is400()
    {
        var privacy = new RecordingPrivacy();
        await using var host = await StartAsync(privacy);
        var carol = await host.SignInAsync("carol", CarolPassword);

        using var response = await host.SendAsync(HttpMethod.Get, "/api/agent/customers/" + new string('x', AgentCustomerPrivacyApi.MaxCustomerIdLength + 1) + "/export", carol);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(privacy.Calls);
    }

    [Fact]
    public async Task Export_HostWithoutCustomerStorage_Is501Explaining()
    {
        await using var host = await StartAsync(privacy: null);
        var carol = await host.SignInAsync("carol", CarolPassword);

        using var response = await host.SendAsync(HttpMethod.Get, "/api/agent/customers/cus_known/export", carol);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("AddSqliteStorage()", await ErrorAsync(response), StringComparison.Ordinal);
    }

    private static Task<WorkspaceHost> StartAsync(RecordingPrivacy? privacy) => WorkspaceHost.StartAsync(
        settings: new Dictionary<string, string?>
        {
            ["Agents:Accounts:2:Id"] = "carol",
            ["Agents:Accounts:2:PasswordHash"] = CarolHash.Value,
            ["Agents:Accounts:2:Role"] = "admin",
        },
        services: services =>
        {
            if (privacy is not null)
            {
                services.AddSingleton<ICustomerPrivacy>(privacy);
            }
        });

    private static async Task<string?> ErrorAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString();
    }

    /// <summary>Knows one customer, <c>cus_known</c>; records every export and erasure asked of it.</summary>
    private sealed class RecordingPrivacy : ICustomerPrivacy
    {
        public const string Export = "{\"customerId\": \"cus_known\", \"core\": {}}";

        public List<string> Calls { get; } = [];

        public Task<string?> FindByIdentityAsync(string identityKey, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task<string?> ExportAsync(string customerId, CancellationToken cancellationToken)
        {
            Calls.Add("export " + customerId);
            return Task.FromResult(customerId == "cus_known" ? Export : null);
        }

        public Task<CustomerErasure?> EraseAsync(string customerId, CancellationToken cancellationToken)
        {
            Calls.Add("erase " + customerId);
            return Task.FromResult(customerId == "cus_known"
                ? new CustomerErasure(customerId, new Dictionary<string, int> { ["handoff"] = 2, ["core"] = 7 }, 1, DateTimeOffset.UnixEpoch)
                : null);
        }
    }
}
