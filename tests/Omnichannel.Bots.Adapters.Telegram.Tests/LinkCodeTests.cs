using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>
/// "Continue on Telegram" end to end: asked on web chat (Direct Line), the bot gives a <c>t.me</c> link with the code as
/// the start payload; the update Telegram sends when the customer presses Start links their Telegram chat to the web
/// chat customer, and the bot says so on Telegram.
/// </summary>
public sealed class LinkCodeTests
{
    [Fact]
    public async Task CodeAskedForOnWebChat_StartPayloadOnTelegram_LinksTheTwoAndSaysSo()
    {
        await using var api = await FakeTelegramBotApi.StartAsync();
        await using var host = await TelegramTestHost.StartAsync(
            api,
            [.. LinkCodeJourney.Settings, "Channels:Telegram:BotUsername=@acme_support_bot"],
            dialogs: bot => bot.AddRootDialog<SizeDialog>().AddWebChatChannel().AddLinkCodes());
        var visitor = await DirectLineVisitor.StartAsync(host.Http, LinkCodeJourney.WebChatSecret);

        var offer = await visitor.AskAsync("Can I continue on Telegram?");

        var code = LinkCodeJourney.CodeIn(offer);
        var payload = "link_" + code.Replace("-", string.Empty, StringComparison.Ordinal);
        Assert.Contains($"open https://t.me/acme_support_bot?start={payload} and press Start", offer, StringComparison.Ordinal);

        using var response = await host.PostUpdateAsync(Updates.Text(930000001, "/start " + payload));
        response.EnsureSuccessStatusCode();

        var sent = await api.WaitForAsync("sendMessage", match: r => r.Text("text")?.StartsWith("Done:", StringComparison.Ordinal) == true);
        Assert.Equal("Done: this Telegram chat is now linked to your web chat conversation, so you can carry on here.", sent[0].Text("text"));
        var (customers, merges) = LinkCodeJourney.Customers(host.Services);
        Assert.Single(customers);
        Assert.Equal($"telegram:{Updates.ChatId} (link-code, vouched by telegram)", Assert.Single(merges));
    }
}
