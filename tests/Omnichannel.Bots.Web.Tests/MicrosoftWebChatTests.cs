using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Microsoft's own Web Chat client (botframework-webchat 4.18.1 with botframework-directlinejs inside) against our
/// Direct Line 3.0 endpoints, in Chromium: the page comes from another origin than the bot host, gets a token the way
/// a site's backend would, and the customer talks to the sample support bot through Web Chat's UI.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MicrosoftWebChatTests
{
    private const string Greeting = "Hi, I'm the Acme Outdoor support assistant.";
    private const string Menu = "How can I help?";
    private const string OrderQuestion = "What's your order number? It's the 5 digits in your confirmation email.";
    private const string ShippedOrder = "Order 12345 (Trail running shoes) shipped on";

    private readonly BrowserFixture _browser;

    public MicrosoftWebChatTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task Customer_tracks_an_order_in_Microsoft_Web_Chat_over_the_WebSocket_stream()
    {
        await using var host = await WebChatHost.StartAsync();
        await using var site = await MicrosoftWebChatPage.ServeAsync();
        var token = await host.GenerateTokenAsync();
        Assert.NotEqual(host.BaseUrl.Authority, site.BaseUrl.Authority);
        await using var chat = await MicrosoftWebChatPage.OpenAsync(_browser, site, new DirectLineConnection(host.DirectLineDomain, token.Token));

        await chat.SendAsync("hi");
        await chat.ExpectTranscriptToShowAsync(Greeting);
        await chat.ExpectTranscriptToShowAsync(Menu);
        await WaitUntilSentAsync(chat, "hi");
        // Sent, not "Send failed. Retry." or still "Sending": Web Chat shows those in an activity status with this class.
        await Assertions.Expect(chat.Tab.GetByText("Send failed")).ToHaveCountAsync(0);
        await Assertions.Expect(chat.Tab.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0);
        await Assertions.Expect(chat.Transcript.Locator(".webchat__bubble--from-user").GetByText("hi", new LocatorGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        foreach (var title in new[] { "Track an order", "Start a return", "Talk to a person" })
        {
            await Assertions.Expect(chat.SuggestedAction(title)).ToBeVisibleAsync();
        }

        await chat.SuggestedAction("Track an order").ClickAsync();
        await chat.ExpectTranscriptToShowAsync(OrderQuestion);
        await chat.SendAsync("12345");
        await chat.ExpectTranscriptToShowAsync(ShippedOrder);
        await WaitUntilSentAsync(chat, "12345");

        var screenshot = Artifacts.PathFor(nameof(Customer_tracks_an_order_in_Microsoft_Web_Chat_over_the_WebSocket_stream), "order-status.png");
        await chat.Tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0, $"the screenshot {screenshot} is empty");

        // Each message Web Chat sent is the server's echo: same ids, same order, all sent.
        var shown = await chat.CustomerActivitiesAsync();
        var stored = await host.GetActivitiesAsync(new StartedConversation(token.ConversationId, token.Token, new Uri("ws://unused")));
        Assert.Equal(["hi", "Track an order", "12345"], shown.Select(a => a.Text));
        Assert.All(shown, a => Assert.Equal("sent", a.SendStatus));
        Assert.Equal(stored.Activities.Where(a => !a.IsFromBot()).Select(a => a.Id()), shown.Select(a => a.Id));

        // Delivered over the WebSocket stream, never by polling.
        Assert.True(host.Services.GetRequiredService<DirectLineStream>().StreamsOpened >= 1, "the server opened no Direct Line stream");
        Assert.Contains(chat.WebSockets, url => url.StartsWith($"ws://{host.BaseUrl.Authority}/v3/directline/conversations/{token.ConversationId}/stream?t=", StringComparison.Ordinal));
        Assert.DoesNotContain(chat.Requests, r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("/activities", StringComparison.Ordinal));
        Assert.Contains($"POST {host.DirectLineDomain}/conversations", chat.Requests);
        Assert.Empty(chat.ConsoleErrors);
    }

    [Fact]
    public async Task Reopened_Microsoft_Web_Chat_rejoins_its_conversation_with_the_history()
    {
        await using var host = await WebChatHost.StartAsync();
        await using var site = await MicrosoftWebChatPage.ServeAsync();
        var token = await host.GenerateTokenAsync();
        await using (var first = await MicrosoftWebChatPage.OpenAsync(_browser, site, new DirectLineConnection(host.DirectLineDomain, token.Token)))
        {
            await first.SendAsync("hi");
            await first.ExpectTranscriptToShowAsync(Menu);
            await WaitUntilSentAsync(first, "hi");
        }

        await using var reopened = await MicrosoftWebChatPage.OpenAsync(
            _browser, site, new DirectLineConnection(host.DirectLineDomain, token.Token, token.ConversationId));

        await reopened.ExpectTranscriptToShowAsync(Greeting);
        await reopened.ExpectTranscriptToShowAsync(Menu);
        await WaitUntilSentAsync(reopened, "hi");
        Assert.Equal(["hi"], (await reopened.CustomerActivitiesAsync()).Select(a => a.Text));
        Assert.Equal(["hi", Greeting, Menu], await reopened.BubbleTextsAsync());

        // The conversation goes on where it was.
        await reopened.SuggestedAction("Track an order").ClickAsync();
        await reopened.ExpectTranscriptToShowAsync(OrderQuestion);
        await WaitUntilSentAsync(reopened, "Track an order");
        await reopened.Tab.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Artifacts.PathFor(nameof(Reopened_Microsoft_Web_Chat_rejoins_its_conversation_with_the_history), "rejoined.png"),
            FullPage = true,
        });

        // Rejoined with GET /conversations/{id} (no new conversation), then streamed.
        Assert.Contains(reopened.Requests, r => r.StartsWith($"GET {host.DirectLineDomain}/conversations/{token.ConversationId}?watermark=", StringComparison.Ordinal));
        Assert.DoesNotContain($"POST {host.DirectLineDomain}/conversations", reopened.Requests);
        Assert.Contains(reopened.WebSockets, url => url.Contains($"/conversations/{token.ConversationId}/stream?t=", StringComparison.Ordinal));
        Assert.True(host.Services.GetRequiredService<DirectLineStream>().StreamsOpened >= 2, "the reopened page did not open a stream of its own");
        Assert.Empty(reopened.ConsoleErrors);
    }

    [Fact]
    public async Task Microsoft_Web_Chat_sees_its_token_expire_and_the_page_resumes_the_conversation()
    {
        // The host's clock jumps past the token's lifetime once the first exchange is done, however long that took.
        var clock = new ShiftableClock();
        await using var host = await WebChatHost.StartAsync(["Channels:WebChat:TokenLifetime=00:15:00"], clock: clock);
        await using var site = await MicrosoftWebChatPage.ServeAsync();
        var token = await host.GenerateTokenAsync();
        await using (var chat = await MicrosoftWebChatPage.OpenAsync(_browser, site, new DirectLineConnection(host.DirectLineDomain, token.Token)))
        {
            await chat.SendAsync("hi");
            await chat.ExpectTranscriptToShowAsync(Menu);
            await WaitUntilSentAsync(chat, "hi");
            clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
            await WaitUntilRefusedAsync(host, token);

            await chat.SuggestedAction("Track an order").ClickAsync();

            // botframework-directlinejs takes a 403 on a post for an expired token (ConnectionStatus.ExpiredToken, 3),
            // which the page can watch for; any other 4xx only fails that one message.
            IReadOnlyList<int> statuses = [];
            await Eventually.UntilAsync(
                async () => (statuses = await chat.ConnectionStatusesAsync()).Contains(3),
                "Direct Line to report ExpiredToken (3)",
                () => string.Join(", ", statuses));
            Assert.Equal([0, 1, 2], statuses.Take(3));
        }

        // The page kept the token and gets a new one for the same conversation; the customer finds the chat as it was.
        var resumed = await host.ResumeTokenAsync(token.Token, token.ResumeSecret!);
        Assert.Equal(token.ConversationId, resumed.ConversationId);
        await using var reopened = await MicrosoftWebChatPage.OpenAsync(
            _browser, site, new DirectLineConnection(host.DirectLineDomain, resumed.Token, resumed.ConversationId));
        await reopened.ExpectTranscriptToShowAsync(Menu);
        Assert.Equal(["hi", Greeting, Menu], await reopened.BubbleTextsAsync());
        await reopened.SuggestedAction("Track an order").ClickAsync();
        await reopened.ExpectTranscriptToShowAsync(OrderQuestion);
        await WaitUntilSentAsync(reopened, "Track an order");
    }

    /// <summary>Waits until the server stops taking the token (it expired).</summary>
    private static async Task WaitUntilRefusedAsync(WebChatHost host, GeneratedToken token)
    {
        var status = 0;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}", token.Token));
                status = (int)response.StatusCode;
                return !response.IsSuccessStatusCode;
            },
            "the token to expire",
            () => $"last status {status}");
    }

    /// <summary>
    /// Waits until Web Chat holds the customer's message with this text once, marked "sent" and carrying the server's id
    /// (its POST returned and the echo with its clientActivityID arrived). An echo Web Chat could not match would leave
    /// the message "sending" (then "send failed") beside a second copy, and this never comes true.
    /// </summary>
    private static async Task WaitUntilSentAsync(MicrosoftWebChatPage chat, string text)
    {
        IReadOnlyList<WebChatOutgoing> activities = [];
        await Eventually.UntilAsync(
            async () =>
            {
                activities = await chat.CustomerActivitiesAsync();
                var matching = activities.Where(a => a.Text == text).ToList();
                return matching is [{ SendStatus: "sent", Id: not null }];
            },
            $"Web Chat to mark '{text}' sent",
            () => string.Join(Environment.NewLine, activities.Select(a => $"{a.Text}: {a.SendStatus} ({a.Id})"))
                + Environment.NewLine + "Requests:" + Environment.NewLine + string.Join(Environment.NewLine, chat.Requests)
                + Environment.NewLine + "Console errors:" + Environment.NewLine + string.Join(Environment.NewLine, chat.ConsoleErrors));
    }
}
