using Microsoft.Playwright;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Proves the browser-test infrastructure end to end: Debian's Chromium under Playwright, pages served by
/// <see cref="StaticSite"/>, Microsoft's Web Chat bundle loading, and screenshots kept as artifacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserSmokeTests
{
    private readonly BrowserFixture _browser;

    public BrowserSmokeTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task Web_Chat_bundle_served_by_the_static_site_loads_in_Chromium()
    {
        const string page = """
            <!doctype html>
            <html>
            <head><meta charset="utf-8"><title>Web Chat bundle</title></head>
            <body>
              <h1 id="status">Loading Web Chat…</h1>
              <div id="webchat" style="height: 480px"></div>
              <script src="/webchat.js"></script>
              <script>
                if (window.WebChat && typeof window.WebChat.renderWebChat === 'function') {
                  document.getElementById('status').textContent = 'Web Chat bundle loaded';
                }
              </script>
            </body>
            </html>
            """;
        await using var site = await StaticSite.StartAsync(new Dictionary<string, StaticContent>
        {
            ["/index.html"] = StaticContent.Html(page),
            ["/webchat.js"] = StaticContent.JavaScript(await File.ReadAllBytesAsync(WebChatBundle.Path)),
        });
        await using var context = await _browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        var pageErrors = new List<string>();
        tab.PageError += (_, error) => pageErrors.Add(error);

        var response = await tab.GotoAsync(site.UrlOf("/index.html").ToString());
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await tab.WaitForFunctionAsync("() => window.WebChat && typeof window.WebChat.renderWebChat === 'function'");

        Assert.True(await tab.EvaluateAsync<bool>("() => typeof window.WebChat.renderWebChat === 'function'"));
        // The bundle stamps its version into the page, so this is the bundle tests/run.sh fetched.
        Assert.Equal(
            WebChatBundle.Version,
            await tab.EvaluateAsync<string?>(
                "() => document.querySelector('meta[name=\"botframework-webchat:bundle:version\"]')?.content ?? null"));
        Assert.Equal("Web Chat bundle loaded", await tab.Locator("#status").TextContentAsync());
        Assert.Contains("/webchat.js", site.RequestedPaths);
        Assert.Empty(pageErrors);

        var screenshot = Artifacts.PathFor(nameof(Web_Chat_bundle_served_by_the_static_site_loads_in_Chromium), "page.png");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0, $"the screenshot {screenshot} is empty");
    }

    [Fact]
    public async Task Clicking_a_button_changes_the_page_text()
    {
        const string page = """
            <!doctype html>
            <html>
            <head><meta charset="utf-8"><title>Click</title></head>
            <body>
              <p id="message">Not clicked</p>
              <button id="go" type="button">Click me</button>
              <script>
                let clicks = 0;
                document.getElementById('go').addEventListener('click', () => {
                  clicks++;
                  document.getElementById('message').textContent = 'Clicked ' + clicks + ' time(s)';
                });
              </script>
            </body>
            </html>
            """;
        await using var site = await StaticSite.StartAsync(new Dictionary<string, StaticContent>
        {
            ["/index.html"] = StaticContent.Html(page),
        });
        await using var context = await _browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(site.UrlOf("/index.html").ToString());
        var message = tab.Locator("#message");
        Assert.Equal("Not clicked", await message.TextContentAsync());

        await tab.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Click me" }).ClickAsync();
        await Assertions.Expect(message).ToHaveTextAsync("Clicked 1 time(s)");
        await tab.ClickAsync("#go");
        await Assertions.Expect(message).ToHaveTextAsync("Clicked 2 time(s)");

        Assert.Equal("Clicked 2 time(s)", await message.TextContentAsync());
        await tab.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Artifacts.PathFor(nameof(Clicking_a_button_changes_the_page_text), "after-clicks.png"),
        });
    }
}
