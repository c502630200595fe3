using System.Net;
using System.Text.Json;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

/// <summary><c>POST /api/agent/tickets/{id}/template</c>: the body becomes a <see cref="MessageTemplate"/> for the desk, or a 400 naming the field.</summary>
public sealed class AgentTemplateApiTests
{
    [Fact]
    public async Task Template_NameLanguageParametersAndText_TheDeskSendsThemAsTheSignedInAgent()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(
            HttpMethod.Post,
            "/api/agent/tickets/7/template",
            session,
            "{\"name\":\" order_update \",\"language\":\"en_US\",\"parameters\":[\"Jane\",\" 12345 \"],\"text\":\"Hi Jane, order 12345 shipped.\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DeskCall("template", 7, "alice", "Hi Jane, order 12345 shipped."), Assert.Single(host.Desk.Calls));
        var template = host.Desk.LastTemplate!;
        Assert.Equal(("order_update", "en_US", "Jane|12345"), (template.Name, template.Language, string.Join('|', template.BodyParameters)));
    }

    [Fact]
    public async Task Template_NoText_TheTranscriptNamesTheTemplateAndItsValues()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/7/template", session, "{\"name\":\"order_update\",\"language\":\"en_US\",\"parameters\":[\"12345\"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[Template order_update (en_US): 12345]", Assert.Single(host.Desk.Calls).Argument);
    }

    [Fact]
    public async Task Template_DeskRefuses_422WithTheReason()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        const string reason = "The customer opted out of messages on whatsapp at 2026-03-18 10:00 UTC; nothing can be sent there until they opt in again.";
        host.Desk.NextResult = new DeskResult(DeskOutcome.Undeliverable, reason);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/7/template", session, "{\"name\":\"order_update\",\"language\":\"en_US\"}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(reason, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Template_WithoutTheCsrfHeader_RefusedAndTheDeskIsNotCalled()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/7/template", session, "{\"name\":\"order_update\",\"language\":\"en_US\"}", csrfHeader: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Desk.Calls);
    }

    [Theory]
    [InlineData("{\"language\":\"en_US\"}", "'name' is missing")]
    [InlineData("{\"name\":\"order_update\"}", "'language' is missing")]
    [InlineData("{\"name\":\"order_update\",\"language\":\"en_US\",\"parameters\":\"a,b\"}", "'parameters' must be an array of strings")]
    [InlineData("{\"name\":\"order_update\",\"language\":\"en_US\",\"parameters\":[\"a\",\" \"]}", "'parameters' value 2 must be a non-empty string")]
    [InlineData("{\"name\":\"order_update\",\"language\":\"en_US\",\"text\":\"\"}", "'text' is empty")]
    public async Task Template_BadBody_400NamingTheFieldAndTheDeskIsNotCalled(string body, string expected)
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();

        using var response = await host.SendAsync(HttpMethod.Post, "/api/agent/tickets/7/template", session, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(host.Desk.Calls);
    }
}
