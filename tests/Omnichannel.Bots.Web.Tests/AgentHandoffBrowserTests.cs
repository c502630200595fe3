using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Workspace;
using static Microsoft.Playwright.Assertions;
using static Omnichannel.Bots.Web.Tests.WidgetPage;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Human handoff end to end on the sample host, in Chromium: a customer in our web chat widget and an agent in the
/// workspace at /agent, in two separate browser contexts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentHandoffBrowserTests
{
    private const string AgentId = "alice";
    private const string Password = "correct horse battery staple";

    private readonly BrowserFixture _browser;

    public AgentHandoffBrowserTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task CustomerAsksForPerson_AgentSeesPacketRepliesAndReturns_BotAnswersNextQuestion()
    {
        await using var host = await WebChatHost.StartAsync(AgentSettings());
        await using var customerContext = await _browser.NewContextAsync();
        var customer = await OpenDemoAsync(customerContext, host);

        // The customer gives an order number to the bot, then asks for a person.
        await SendAsync(customer, "hi");
        await Expect(BotMessage(customer, "How can I help?")).ToBeVisibleAsync();
        await customer.Locator("button.omnibot-action", new() { HasText = "Track an order" }).ClickAsync();
        await Expect(BotMessage(customer, "What's your order number?")).ToBeVisibleAsync();
        await SendAsync(customer, "12345");
        await Expect(BotMessage(customer, "Order 12345")).ToBeVisibleAsync();
        await SendAsync(customer, "I want to talk to a real person");
        await Expect(BotMessage(customer, "in line")).ToBeVisibleAsync();

        // The agent signs in and opens the conversation: the packet is at the top, with the order number.
        await using var agentContext = await _browser.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.GotoAsync(new Uri(host.BaseUrl, "/agent").ToString());
        await Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent/login"));
        await agent.GetByTestId("login-id").FillAsync(AgentId);
        await agent.GetByTestId("login-password").FillAsync(Password);
        await agent.GetByTestId("login-submit").ClickAsync();
        await Expect(agent.GetByTestId("connection-status")).ToHaveTextAsync("live");
        var ticket = agent.GetByTestId("ticket-item").First;
        await Expect(ticket).ToHaveAttributeAsync("data-status", "Queued");
        await ticket.GetByTestId("ticket-open").ClickAsync();
        await agent.GetByTestId("claim").ClickAsync();
        await Expect(agent.GetByTestId("ticket-status")).ToContainTextAsync("Assigned");
        var packet = agent.GetByTestId("packet");
        await Expect(packet).ToBeVisibleAsync();
        await Expect(packet.Locator("[data-testid=packet-entity][data-kind=order_number]")).ToContainTextAsync("12345");
        await Expect(agent.GetByTestId("packet-routing")).ToContainTextAsync("asks-for-person");
        await Expect(agent.GetByTestId("transcript-message").Filter(new() { HasText = "I want to talk to a real person" })).ToBeVisibleAsync();
        // Web chat's replies are delivered in the turn's commit: each bot message shows it was sent, the customer's show nothing.
        await Expect(agent.GetByTestId("transcript-message").Filter(new() { HasText = "in line" }).GetByTestId("message-delivery")).ToHaveAttributeAsync("data-status", "sent");
        await Expect(agent.Locator("[data-testid=transcript-message][data-from=customer] [data-testid=message-delivery]")).ToHaveCountAsync(0);
        await agent.ScreenshotAsync(new() { Path = Artifacts.PathFor(nameof(CustomerAsksForPerson_AgentSeesPacketRepliesAndReturns_BotAnswersNextQuestion), "agent-packet.png") });

        // The agent replies; the customer sees it in the widget.
        await agent.GetByTestId("reply-text").FillAsync("Hi, I'm Alice. Order 12345 is on its way.");
        await agent.GetByTestId("reply-submit").ClickAsync();
        await Expect(BotMessage(customer, "Hi, I'm Alice. Order 12345 is on its way.")).ToBeVisibleAsync();

        // Back to the bot: it says so, and answers the next question itself.
        await agent.GetByTestId("return-to-bot").ClickAsync();
        await Expect(BotMessage(customer, "virtual assistant again")).ToBeVisibleAsync();
        await SendAsync(customer, "how long does shipping take");
        await Expect(BotMessage(customer, "Shipping options, costs and delivery times")).ToBeVisibleAsync();
        await customer.ScreenshotAsync(new() { Path = Artifacts.PathFor(nameof(CustomerAsksForPerson_AgentSeesPacketRepliesAndReturns_BotAnswersNextQuestion), "customer.png") });

        var store = host.Services.GetRequiredService<IHandoffTicketStore>();
        Assert.Empty(await store.ListOpenAsync(default));
    }

    [Theory]
    [InlineData("GET", "/api/agent/queues")]
    [InlineData("GET", "/api/agent/tickets/1")]
    [InlineData("POST", "/api/agent/tickets/1/claim")]
    [InlineData("POST", "/api/agent/tickets/1/reply")]
    [InlineData("POST", "/api/agent/tickets/1/return")]
    [InlineData("GET", "/api/agent/events")]
    [InlineData("GET", "/api/agent/me")]
    public async Task AgentApi_NoSession_Is401OnTheSampleHost(string method, string path)
    {
        await using var host = await WebChatHost.StartAsync(AgentSettings());
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Requested-With", "omnibot-agent");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AgentPage_NoSession_RedirectsToSignIn()
    {
        await using var host = await WebChatHost.StartAsync(AgentSettings());
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseUrl };

        using var response = await client.GetAsync("/agent");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/agent/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private static string[] AgentSettings() =>
    [
        $"Agents:Accounts:0:Id={AgentId}",
        "Agents:Accounts:0:Name=Alice",
        $"Agents:Accounts:0:PasswordHash={AgentPasswordHasher.Hash(Password, AgentPasswordHasher.MinimumIterations)}",
    ];
}
