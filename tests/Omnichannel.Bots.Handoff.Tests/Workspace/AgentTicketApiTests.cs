using System.Net;
using System.Text.Json;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

public sealed class AgentTicketApiTests
{
    public static TheoryData<DeskOutcome, int> Outcomes => new()
    {
        { DeskOutcome.Ok, 200 },
        { DeskOutcome.NotFound, 404 },
        { DeskOutcome.Conflict, 409 },
        { DeskOutcome.Undeliverable, 422 },
        { DeskOutcome.Invalid, 400 },
        { DeskOutcome.Forbidden, 403 },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Action_DeskOutcome_MapsToStatusWithMessage(DeskOutcome outcome, int status)
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        const string message = "WhatsApp's 24-hour reply window closed at 09:12; the customer has to write first.";
        host.Desk.NextResult = new DeskResult(outcome, outcome == DeskOutcome.Ok ? null : message);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/7/reply", session, "{\"text\":\"  Hello Jane  \"}");

        Assert.Equal(status, (int)response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (outcome == DeskOutcome.Ok)
        {
            Assert.True(body.GetProperty("ok").GetBoolean());
        }
        else
        {
            Assert.Equal(message, body.GetProperty("error").GetString());
        }

        var call = Assert.Single(host.Desk.Calls);
        Assert.Equal(new DeskCall("reply", 7, "alice", "Hello Jane"), call);
    }

    [Fact]
    public async Task Action_DeskGivesNoMessage_DefaultMessageForOutcome()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        host.Desk.NextResult = new DeskResult(DeskOutcome.Conflict);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/7/claim", session);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("claim", null, null)]
    [InlineData("resolve", null, null)]
    [InlineData("return", null, null)]
    [InlineData("notes", "{\"text\":\"called her back\"}", "called her back")]
    [InlineData("transfer", "{\"queue\":\"billing\"}", "billing")]
    public async Task Action_EachRoute_CallsTheDeskAsTheSignedInAgent(string action, string? body, string? argument)
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync("bob", WorkspaceHost.BobPassword);

        using var response = await host.SendAsync(HttpMethod.Post, $"/api/agent/tickets/12/{action}", session, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DeskCall(action, 12, "bob", argument), Assert.Single(host.Desk.Calls));
    }

    [Theory]
    [InlineData("reply", "", "The body is empty")]
    [InlineData("reply", "{\"text\":", "not valid JSON")]
    [InlineData("reply", "\"hello\"", "must be a JSON object")]
    [InlineData("reply", "{}", "'text' is missing")]
    [InlineData("reply", "{\"text\":\"   \"}", "'text' is empty")]
    [InlineData("reply", "{\"text\":42}", "'text' must be a string")]
    [InlineData("notes", "{\"text\":null}", "'text' is missing")]
    [InlineData("transfer", "{\"text\":\"billing\"}", "'queue' is missing")]
    [InlineData("transfer", "{\"queue\":\"\"}", "'queue' is empty")]
    public async Task Action_MalformedBody_Returns400AndDeskUntouched(string action, string body, string expected)
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Post, $"/api/agent/tickets/3/{action}", session, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Desk.Calls);
    }

    [Fact]
    public async Task Reply_TextOver4000Characters_Returns400()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        var text = new string('a', 4001);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/3/reply", session, JsonSerializer.Serialize(new { text }));
        using var atLimit = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/3/reply", session, JsonSerializer.Serialize(new { text = text[..4000] }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4001 characters; the limit is 4000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Single(host.Desk.Calls);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    public async Task Ticket_IdNotAPositiveNumber_Returns400(string id)
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var detail = await host.SendAsync(HttpMethod.Get, $"/api/agent/tickets/{id}", session);
        using var claim = await host.SendAsync(HttpMethod.Post, $"/api/agent/tickets/{id}/claim", session);

        Assert.Equal(HttpStatusCode.BadRequest, detail.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        Assert.Empty(host.Desk.Calls);
    }

    [Fact]
    public async Task Ticket_Unknown_Returns404()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/api/agent/tickets/99", session);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("#99", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticket_Known_DetailAsCamelCaseJsonWithEnumNames()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var ticket = FakeHandoffDesk.Ticket(5, priority: HandoffPriority.Urgent);
        host.Desk.Details[5] = FakeHandoffDesk.Detail(ticket);
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/api/agent/tickets/5", session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Queued", body.GetProperty("ticket").GetProperty("status").GetString());
        Assert.Equal("Urgent", body.GetProperty("ticket").GetProperty("priority").GetString());
        Assert.Equal("A-1042", body.GetProperty("packet").GetProperty("entities")[0].GetProperty("value").GetString());
        Assert.Equal("handoff-rules.yaml:3", body.GetProperty("packet").GetProperty("routing").GetProperty("ruleSource").GetString());
        Assert.Equal("customer", body.GetProperty("transcript")[0].GetProperty("from").GetString());
        Assert.Equal("VIP, be quick", body.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.True(body.GetProperty("reply").GetProperty("canReply").GetBoolean());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Queues_SplitsQueuedByQueueInDeskOrderAndAssignedIntoMineAndOthers()
    {
        await using var host = await WorkspaceHost.StartAsync();
        host.Desk.Open.AddRange(
        [
            FakeHandoffDesk.Ticket(3, "billing", priority: HandoffPriority.Urgent),
            FakeHandoffDesk.Ticket(1, "general"),
            FakeHandoffDesk.Ticket(2, "billing"),
            FakeHandoffDesk.Ticket(4, "general", HandoffTicketStatus.Assigned, "alice"),
            FakeHandoffDesk.Ticket(5, "billing", HandoffTicketStatus.Assigned, "bob"),
            FakeHandoffDesk.Ticket(6, "returns"),
        ]);
        var session = await host.SignInAsync("bob", WorkspaceHost.BobPassword);

        using var response = await host.SendAsync(HttpMethod.Get, "/api/agent/queues", session);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var queues = body.GetProperty("queues").EnumerateArray().ToList();
        // bob works billing only: tickets of other queues (general, returns) are not listed at all.
        Assert.Equal(["general", "billing"], queues.Select(q => q.GetProperty("name").GetString()));
        Assert.Equal([false, true], queues.Select(q => q.GetProperty("works").GetBoolean()));
        Assert.Empty(queues[0].GetProperty("tickets").EnumerateArray());
        Assert.Equal([3L, 2L], queues[1].GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Equal([5L], body.GetProperty("mine").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Empty(body.GetProperty("assigned").EnumerateArray());
        Assert.Equal("bob", body.GetProperty("agent").GetProperty("id").GetString());
        Assert.Equal("Agent", body.GetProperty("agent").GetProperty("role").GetString());
        Assert.Equal(host.Time.GetUtcNow(), body.GetProperty("now").GetDateTimeOffset());
    }

    [Fact]
    public async Task UnknownApi_WithSession_Returns404()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/api/agent/nothing-here", session);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApiRequest_MarksTheAgentPresent()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var presence = (IAgentPresence)host.Services.GetService(typeof(IAgentPresence))!;
        var session = await host.SignInAsync("bob", WorkspaceHost.BobPassword);
        host.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Empty(presence.Present("billing"));

        using var response = await host.SendAsync(HttpMethod.Get, "/api/agent/queues", session);

        Assert.Equal("bob", Assert.Single(presence.Present("billing")).Id);
        Assert.Empty(presence.Present("general"));
    }
}
