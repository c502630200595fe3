using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omnichannel.Bots.Adapters.WebChat;
using static Microsoft.Playwright.Assertions;
using static Omnichannel.Bots.Web.Tests.WidgetPage;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>Our widget on the sample's demo page, in Chromium, against the real host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetBrowserTests
{
    private readonly BrowserFixture _browser;

    public WidgetBrowserTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact]
    public async Task DemoPage_AskClickAButtonReload_RepliesButtonsAndHistoryOnce()
    {
        await using var host = await WebChatHost.StartAsync();
        await using var context = await _browser.NewContextAsync();
        var page = await OpenDemoAsync(context, host);

        await SendAsync(page, "hi");
        await Expect(BotMessage(page, "How can I help?")).ToBeVisibleAsync();
        await Expect(page.Locator("button.omnibot-action")).ToHaveTextAsync(["Track an order", "Start a return", "Talk to a person"]);
        await page.Locator("button.omnibot-action", new() { HasText = "Track an order" }).ClickAsync();
        await Expect(BotMessage(page, "What's your order number?")).ToBeVisibleAsync();
        await SendAsync(page, "12345");
        await Expect(BotMessage(page, "Order 12345")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor(nameof(DemoPage_AskClickAButtonReload_RepliesButtonsAndHistoryOnce), "before-reload.png") });

        await page.ReloadAsync();
        await OpenChatAsync(page);
        await Expect(BotMessage(page, "Order 12345")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor(nameof(DemoPage_AskClickAButtonReload_RepliesButtonsAndHistoryOnce), "after-reload.png") });

        await Expect(UserMessage(page, "hi")).ToHaveCountAsync(1);
        await Expect(UserMessage(page, "Track an order")).ToHaveCountAsync(1);
        await Expect(BotMessage(page, "How can I help?")).ToHaveCountAsync(1);
        Assert.True(host.Services.GetRequiredService<DirectLineStream>().StreamsOpened >= 2, "the widget should read replies from the WebSocket stream, before and after the reload");
    }

    [Fact]
    public async Task DroppedStream_WidgetReconnectsFromItsWatermark_NothingLostOrDoubled()
    {
        await using var host = await WebChatHost.StartAsync();
        await using var context = await _browser.NewContextAsync();
        var page = await OpenDemoAsync(context, host);
        await SendAsync(page, "hi");
        await Expect(BotMessage(page, "How can I help?")).ToBeVisibleAsync();
        var streams = host.Services.GetRequiredService<DirectLineStream>();
        var opened = streams.StreamsOpened;

        // A stream that falls more than 1,024 signals behind is dropped by the server, as a slow or dead client would be.
        var conversationId = await StoredConversationIdAsync(page);
        var listeners = host.Services.GetRequiredService<ConversationStreams>();
        // The stream's reader may keep pace with one burst, so burst until the server drops it and the widget reconnects.
        await Omnichannel.Bots.Testing.Eventually.UntilAsync(
            () =>
            {
                for (var i = 0; i < 2000; i++)
                {
                    listeners.Appended(conversationId);
                }

                return streams.StreamsOpened > opened;
            },
            "the widget to open a new stream");
        await SendAsync(page, "Track an order");
        await Expect(BotMessage(page, "What's your order number?")).ToBeVisibleAsync();

        await Expect(UserMessage(page, "hi")).ToHaveCountAsync(1);
        await Expect(BotMessage(page, "How can I help?")).ToHaveCountAsync(1);
        await Expect(UserMessage(page, "Track an order")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Accessibility_DialogLogLiveRegionKeyboard()
    {
        await using var host = await WebChatHost.StartAsync();
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl.ToString());
        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Open chat" });

        await launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Log)).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(page.GetByLabel("Type your message")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(launcher).ToBeFocusedAsync();
    }

    [Fact]
    public async Task NarrowScreen_PanelFillsTheViewport()
    {
        await using var host = await WebChatHost.StartAsync();
        await using var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 667 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl.ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        var box = await page.GetByRole(AriaRole.Dialog).BoundingBoxAsync();

        Assert.NotNull(box);
        Assert.InRange(box.Width, 370, 376);
        Assert.InRange(box.Height, 600, 668);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor(nameof(NarrowScreen_PanelFillsTheViewport), "mobile.png") });
    }

    private static async Task<string> StoredConversationIdAsync(IPage page)
    {
        var stored = await page.EvaluateAsync<string>("() => Object.keys(localStorage).filter(k => k.startsWith('omnibot:webchat:')).map(k => localStorage.getItem(k))[0]");
        return JsonDocument.Parse(stored).RootElement.GetProperty("conversationId").GetString()!;
    }
}
