using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>Driving our chat widget on the sample's demo page: open it, send a message, find messages.</summary>
internal static class WidgetPage
{
    public static async Task<IPage> OpenDemoAsync(IBrowserContext context, WebChatHost host)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(host.BaseUrl.ToString());
        Assert.Equal(200, response!.Status);
        await OpenChatAsync(page);
        return page;
    }

    public static async Task OpenChatAsync(IPage page)
    {
        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Open chat" });
        if (await launcher.GetAttributeAsync("aria-expanded") != "true")
        {
            await launcher.ClickAsync();
        }

        await Expect(page.GetByLabel("Type your message")).ToBeVisibleAsync();
    }

    public static async Task SendAsync(IPage page, string text)
    {
        var input = page.GetByLabel("Type your message");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    public static ILocator BotMessage(IPage page, string text) => page.Locator(".omnibot-msg-bot", new() { HasText = text });

    public static ILocator UserMessage(IPage page, string text) =>
        page.Locator(".omnibot-msg-user", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^(You:)?\\s*" + System.Text.RegularExpressions.Regex.Escape(text) + "\\s*$") });
}
