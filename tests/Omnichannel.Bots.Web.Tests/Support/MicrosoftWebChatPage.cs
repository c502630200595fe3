using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>A customer's activity as Web Chat's store holds it: the server's id once echoed, and Web Chat's send status.</summary>
/// <remarks>A class with setters: Playwright creates it with its parameterless constructor and sets what the script returned.</remarks>
public sealed class WebChatOutgoing
{
    public string? Id { get; set; }

    public string? Text { get; set; }

    public string? SendStatus { get; set; }
}

/// <summary>Where Microsoft's Web Chat connects: our Direct Line domain, a token, and optionally a conversation to rejoin.</summary>
public sealed record DirectLineConnection(string Domain, string Token, string? ConversationId = null);

/// <summary>
/// Microsoft's Web Chat (<see cref="WebChatBundle"/>) rendered in a Chromium tab, from a page that a
/// <see cref="StaticSite"/> serves (another origin than the bot host, so every Direct Line call is cross-origin, as on
/// a shop's site). Records what the tab asked the network for, its WebSockets and its console errors.
/// </summary>
public sealed class MicrosoftWebChatPage : IAsyncDisposable
{
    /// <summary>
    /// The page: the bundle, and <c>startWebChat</c>, which the test calls with the connection. Web Chat's redux store
    /// is kept in <c>window.webChatStore</c> so a test can read each activity's send status, and every connection
    /// status the Direct Line client reported in <c>window.connectionStatuses</c>.
    /// </summary>
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <link rel="icon" href="data:,">
          <title>Acme Outdoor support (Microsoft Web Chat)</title>
          <style>html, body { height: 100%; margin: 0; } #webchat { height: 100%; }</style>
        </head>
        <body>
          <div id="webchat" role="main"></div>
          <script src="/webchat.js"></script>
          <script>
            window.startWebChat = ({ domain, token, conversationId }) => {
              const options = { domain, token };
              if (conversationId) {
                options.conversationId = conversationId;
              }

              const directLine = window.WebChat.createDirectLine(options);
              window.connectionStatuses = [];
              directLine.connectionStatus$.subscribe(status => window.connectionStatuses.push(status));
              window.webChatStore = window.WebChat.createStore();
              window.WebChat.renderWebChat(
                { directLine, store: window.webChatStore, locale: 'en-US' },
                document.getElementById('webchat'));
            };
          </script>
        </body>
        </html>
        """;

    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _webSockets = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();

    private MicrosoftWebChatPage(IBrowserContext context, IPage tab)
    {
        _context = context;
        Tab = tab;
        tab.Request += (_, request) => _requests.Enqueue(request.Method + " " + request.Url);
        tab.WebSocket += (_, socket) => _webSockets.Enqueue(socket.Url);
        tab.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue(message.Text);
            }
        };
        tab.PageError += (_, error) => _consoleErrors.Enqueue(error);
    }

    public IPage Tab { get; }

    /// <summary>Every request the tab made so far, as "METHOD URL".</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>The URL of every WebSocket the tab opened so far.</summary>
    public IReadOnlyList<string> WebSockets => [.. _webSockets];

    /// <summary>Console errors and uncaught exceptions so far.</summary>
    public IReadOnlyList<string> ConsoleErrors => [.. _consoleErrors];

    /// <summary>Web Chat's send box (a textarea in 4.18).</summary>
    public ILocator SendBox => Tab.Locator("[data-id='webchat-sendbox-input']");

    /// <summary>The transcript: every activity Web Chat rendered, in order.</summary>
    public ILocator Transcript => Tab.Locator(".webchat__basic-transcript__transcript");

    /// <summary>A site serving <see cref="Html"/> at /index.html and the bundle at /webchat.js.</summary>
    public static async Task<StaticSite> ServeAsync() => await StaticSite.StartAsync(new Dictionary<string, StaticContent>
    {
        ["/index.html"] = StaticContent.Html(Html),
        ["/webchat.js"] = StaticContent.JavaScript(await File.ReadAllBytesAsync(WebChatBundle.Path)),
    });

    /// <summary>Opens the site's page in a fresh browser context and renders Web Chat connected to <paramref name="connection"/>.</summary>
    public static async Task<MicrosoftWebChatPage> OpenAsync(BrowserFixture browser, StaticSite site, DirectLineConnection connection)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(connection);
        var context = await browser.NewContextAsync();
        try
        {
            var page = new MicrosoftWebChatPage(context, await context.NewPageAsync());
            await page.Tab.GotoAsync(site.UrlOf("/index.html").ToString());
            await page.Tab.WaitForFunctionAsync("() => typeof window.startWebChat === 'function' && !!window.WebChat");
            await page.Tab.EvaluateAsync(
                "connection => window.startWebChat(connection)",
                new { domain = connection.Domain, token = connection.Token, conversationId = connection.ConversationId });
            await Assertions.Expect(page.SendBox).ToBeVisibleAsync();
            return page;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>Types <paramref name="text"/> into the send box and presses Enter, as a customer does.</summary>
    public async Task SendAsync(string text)
    {
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
    }

    /// <summary>
    /// Waits until the transcript shows <paramref name="text"/> (in any activity). Web Chat renders bot text as Markdown
    /// with typographic quotes, so an apostrophe may show as ’.
    /// </summary>
    public Task ExpectTranscriptToShowAsync(string text) =>
        Assertions.Expect(Transcript.GetByText(AsShown(text)).First).ToBeVisibleAsync();

    /// <summary>The text as a pattern that matches it however Web Chat's Markdown typesets its apostrophes.</summary>
    public static Regex AsShown(string text) =>
        new(string.Join("['’]", text.Split('\'').Select(Regex.Escape)), RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The text of every message bubble in the transcript, in order, with typographic apostrophes made plain again.</summary>
    public async Task<IReadOnlyList<string>> BubbleTextsAsync() =>
        [.. (await Transcript.Locator(".webchat__bubble__content").AllInnerTextsAsync()).Select(t => t.Trim().Replace('’', '\''))];

    /// <summary>A suggested action (Web Chat renders them as buttons above the send box).</summary>
    public ILocator SuggestedAction(string title) =>
        Tab.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true });

    /// <summary>
    /// The customer's activities in Web Chat's store, in transcript order, with <c>channelData['webchat:send-status']</c>:
    /// "sending", then "sent" once the POST returned and the echo (same <c>clientActivityID</c>) arrived, or "send failed".
    /// </summary>
    public async Task<IReadOnlyList<WebChatOutgoing>> CustomerActivitiesAsync() => await Tab.EvaluateAsync<WebChatOutgoing[]>(
        """
        () => window.webChatStore.getState().activities
          .filter(a => a.from && a.from.role === 'user' && a.type === 'message')
          .map(a => ({ id: a.id ?? null, text: a.text ?? null, sendStatus: (a.channelData && a.channelData['webchat:send-status']) ?? null }))
        """);

    /// <summary>
    /// Every status botframework-directlinejs's <c>connectionStatus$</c> reported, in order: 0 Uninitialized,
    /// 1 Connecting, 2 Online, 3 ExpiredToken, 4 FailedToConnect, 5 Ended.
    /// </summary>
    public async Task<IReadOnlyList<int>> ConnectionStatusesAsync() => await Tab.EvaluateAsync<int[]>("() => window.connectionStatuses");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
