using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Agents within their queues, and what the customer sees of an agent, on the sample host over real HTTP: the agent
/// workspace API next to the Direct Line conversation of the customer.
/// </summary>
public sealed class AgentQueueHostTests
{
    [Fact]
    public async Task Reply_AgentAnswersOnWebChat_FromIsAnOpaqueHandleWithTheDisplayName()
    {
        await using var host = await WebChatHost.StartAsync(AgentAccounts.Settings());
        var conversation = await host.StartConversationAsync();
        var ticketId = await AgentAccounts.EscalateAsync(host, conversation);
        using var alice = await AgentAccounts.SignInAsync(host, "alice");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(alice, ticketId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(alice, ticketId, "reply", new { text = "Hi, this is Alice from support." })).StatusCode);

        var page = await host.WaitForBotTextAsync(conversation, "Hi, this is Alice from support.");
        var from = page.Activities.Single(a => a.Text() == "Hi, this is Alice from support.").GetProperty("from");
        var fromId = from.GetProperty("id").GetString()!;
        Assert.DoesNotContain("alice", fromId, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^agent:a-[A-Za-z0-9_-]{22}$", fromId);
        Assert.Equal("Alice Agent", from.GetProperty("name").GetString());

        // The workspace still shows agents who wrote by their sign-in id.
        using var detail = await alice.GetAsync($"/api/agent/tickets/{ticketId}");
        var transcript = (await detail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("transcript").EnumerateArray();
        Assert.Contains(transcript, m => m.GetProperty("from").GetString() == "agent" && m.GetProperty("agentId").GetString() == "alice");
    }

    [Fact]
    public async Task Workspace_TicketOfAnotherQueue_404ForEveryActionAndUnchanged_AdminMay()
    {
        await using var host = await WebChatHost.StartAsync(AgentAccounts.Settings());
        var conversation = await host.StartConversationAsync();
        var ticketId = await AgentAccounts.EscalateAsync(host, conversation);
        using var bill = await AgentAccounts.SignInAsync(host, "bill");
        using var root = await AgentAccounts.SignInAsync(host, "root");

        using (var read = await bill.GetAsync($"/api/agent/tickets/{ticketId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(bill, ticketId, "transfer", new { queue = "billing" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(bill, ticketId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(bill, ticketId, "notes", new { text = "mine now" })).StatusCode);
        var queues = await bill.GetFromJsonAsync<JsonElement>("/api/agent/queues");
        Assert.DoesNotContain(queues.GetProperty("queues").EnumerateArray().SelectMany(q => q.GetProperty("tickets").EnumerateArray()), t => t.GetProperty("id").GetInt64() == ticketId);

        using var detail = await root.GetAsync($"/api/agent/tickets/{ticketId}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var body = await detail.Content.ReadFromJsonAsync<JsonElement>();
        var ticket = body.GetProperty("ticket");
        Assert.Equal(("general", "Queued"), (ticket.GetProperty("queue").GetString(), ticket.GetProperty("status").GetString()));
        Assert.Empty(body.GetProperty("notes").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(root, ticketId, "claim")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient agent, long ticketId, string action, object? body = null)
    {
        using var content = body is null ? null : JsonContent.Create(body);
        return await agent.PostAsync($"/api/agent/tickets/{ticketId}/{action}", content);
    }
}
