using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// "Continue on WhatsApp" end to end: asked on web chat (Direct Line), the bot gives a <c>wa.me</c> link to the display
/// number with the code as the prefilled text; that text sent on WhatsApp links the sender to the web chat customer,
/// and the bot says so on WhatsApp.
/// </summary>
public sealed class LinkCodeTests
{
    private const string DisplayNumber = "+15017122661";

    [Fact]
    public async Task CodeAskedForOnWebChat_PrefilledTextSentOnWhatsApp_LinksTheTwoAndSaysSo()
    {
        await using var api = await FakeGraphApi.StartAsync(WhatsAppTestHost.AccessToken);
        await using var host = await WhatsAppTestHost.StartAsync(
            api,
            [.. LinkCodeJourney.Settings, $"Channels:WhatsApp:DisplayPhoneNumber={DisplayNumber}"],
            dialogs: bot => bot.AddRootDialog<MenuDialog>().AddWebChatChannel().AddLinkCodes());
        var visitor = await DirectLineVisitor.StartAsync(host.Http, LinkCodeJourney.WebChatSecret);

        var offer = await visitor.AskAsync("I'd like to continue on WhatsApp");

        var code = LinkCodeJourney.CodeIn(offer);
        var link = $"https://wa.me/15017122661?text=LINK%20{code}";
        Assert.Contains($"To continue on WhatsApp, open {link} and send the message it prepares within 10 minutes", offer, StringComparison.Ordinal);
        var prefilled = Uri.UnescapeDataString(new Uri(link).Query["?text=".Length..]);

        using var response = await host.PostAsync(WhatsAppFixtures.Text("12015550999", "wamid.LINK1", prefilled));
        response.EnsureSuccessStatusCode();

        var sent = await api.WaitForSendsAsync("12015550999", filter: WebhookTests.IsMessage);
        Assert.Equal("Done: this WhatsApp chat is now linked to your web chat conversation, so you can carry on here.", sent[0]["text.body"]);
        var (customers, merges) = LinkCodeJourney.Customers(host.Services);
        Assert.Single(customers);
        Assert.Equal("whatsapp:12015550999 (link-code, vouched by whatsapp)", Assert.Single(merges));
    }
}
