using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// The workspace's customer API on the sample host over real HTTP: who a customer is (<c>GET /api/agent/customers/{id}</c>)
/// and an agent's unlink (<c>DELETE /api/agent/customers/{id}/identities/{key}</c>), for agents who can see the customer.
/// </summary>
public sealed class AgentCustomerApiTests
{
    [Fact]
    public async Task Profile_CustomerOfAVisibleTicket_IdentitiesWithProvenanceAndChannels()
    {
        await using var host = await WebChatHost.StartAsync(AgentAccounts.Settings());
        var customerId = await EscalatedCustomerAsync(host);
        using var alice = await AgentAccounts.SignInAsync(host, "alice");

        using var response = await alice.GetAsync($"/api/agent/customers/{customerId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(customerId, profile.GetProperty("id").GetString());
        var identity = Assert.Single(profile.GetProperty("identities").EnumerateArray());
        Assert.StartsWith("webchat:", identity.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(("channel-address", "webchat"), (identity.GetProperty("provenance").GetString(), identity.GetProperty("vouchedBy").GetString()));
        Assert.Equal(["webchat"], profile.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Profile_AgentOfAnotherQueue_404_AdminAnd401WithoutSession()
    {
        await using var host = await WebChatHost.StartAsync(AgentAccounts.Settings());
        var customerId = await EscalatedCustomerAsync(host);
        using var bill = await AgentAccounts.SignInAsync(host, "bill");
        using var root = await AgentAccounts.SignInAsync(host, "root");
        using var anonymous = new HttpClient { BaseAddress = host.BaseUrl };

        Assert.Equal(HttpStatusCode.NotFound, (await bill.GetAsync($"/api/agent/customers/{customerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bill.DeleteAsync($"/api/agent/customers/{customerId}/identities/{Uri.EscapeDataString("webchat:x")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await root.GetAsync($"/api/agent/customers/{customerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/agent/customers/{customerId}")).StatusCode);
        using var missing = await root.GetAsync("/api/agent/customers/cus_nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("There is no customer cus_nobody.", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Unlink_ChannelKey_ConversationMovesAwayAndTheAgentIsRecorded()
    {
        await using var host = await WebChatHost.StartAsync(AgentAccounts.Settings());
        var customerId = await EscalatedCustomerAsync(host);
        using var alice = await AgentAccounts.SignInAsync(host, "alice");
        var key = (await alice.GetFromJsonAsync<JsonElement>($"/api/agent/customers/{customerId}")).GetProperty("identities")[0].GetProperty("key").GetString()!;

        using var unlinked = await alice.DeleteAsync($"/api/agent/customers/{customerId}/identities/{Uri.EscapeDataString(key)}");
        using var again = await alice.DeleteAsync($"/api/agent/customers/{customerId}/identities/{Uri.EscapeDataString(key)}");

        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal($"{key} is not an identity of customer {customerId}.", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var profile = await alice.GetFromJsonAsync<JsonElement>($"/api/agent/customers/{customerId}");
        Assert.Empty(profile.GetProperty("identities").EnumerateArray());
        Assert.Empty(profile.GetProperty("channels").EnumerateArray());
        var database = (SqliteDatabase)host.Services.GetService(typeof(SqliteDatabase))!;
        Assert.Equal("agent:alice", database.Read(db => db.Scalar<string>("SELECT actor FROM customer_unlinks WHERE customer_id = @p1 AND identity_key = @p2", customerId, key)));
    }

    [Theory]
    [InlineData("no-colon", HttpStatusCode.BadRequest)]
    [InlineData(":leading", HttpStatusCode.BadRequest)]
    [InlineData("phone:+15550100999", HttpStatusCode.NotFound)]
    public async Task Unlink_BadOrUnknownKey_ClearError(string key, HttpStatusCode expected)
    {
        await using var host = await WebChatHost.StartAsync(AgentAccounts.Settings());
        var customerId = await EscalatedCustomerAsync(host);
        using var alice = await AgentAccounts.SignInAsync(host, "alice");

        using var response = await alice.DeleteAsync($"/api/agent/customers/{customerId}/identities/{Uri.EscapeDataString(key)}");

        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()));
    }

    /// <summary>A web chat customer asks for a person; their customer id, from the ticket.</summary>
    private static async Task<string> EscalatedCustomerAsync(WebChatHost host)
    {
        var ticketId = await AgentAccounts.EscalateAsync(host, await host.StartConversationAsync());
        var tickets = (IHandoffTicketStore)host.Services.GetService(typeof(IHandoffTicketStore))!;
        return (await tickets.GetAsync(ticketId, CancellationToken.None))!.CustomerId;
    }
}
