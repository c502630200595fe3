using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Link codes through the turn pipeline on the real identity graph (<see cref="SqliteCustomerLinks"/>): a web chat
/// customer asks to continue on WhatsApp and gets a code and its link; sending the code there links the WhatsApp sender
/// to them with provenance LinkCode (merging the two customers), before the dialog, and the dialog carries on with the
/// web chat customer's state. Wrong, expired, reused and same-channel codes are explained; an unconfigured channel too.
/// </summary>
public sealed partial class LinkCodeTurnTests
{
    private static readonly TestCustomer Visitor = new("visitor-1");
    private static readonly TestCustomer WhatsAppSender = new("15557654321");

    [Fact]
    public async Task CodeFromWebChat_SentOnWhatsApp_LinksTheSenderAndTheDialogCarriesOn()
    {
        await using var bot = await StartAsync();
        var web = new TestConversation(bot, ChannelProfiles.WebChat, Visitor);
        string? offer = null;
        await web.Send("hello").ExpectReply("#1 hello")
            .Send("Could I continue on WhatsApp?").ExpectReply(r => offer = r.Text)
            .RunAsync();

        var code = CodeIn(offer);
        Assert.Contains($"https://wa.me/15550001234?text=LINK%20{code}", offer, StringComparison.Ordinal);
        Assert.Contains("within 10 minutes", offer, StringComparison.Ordinal);

        var whatsApp = new TestConversation(bot, ChannelProfiles.WhatsApp, WhatsAppSender);
        await whatsApp.Send($"LINK {code}").ExpectReply("Done: this WhatsApp chat is now linked to your web chat conversation, so you can carry on here.")
            .Send("again").ExpectReply("#2 again")
            .RunAsync();

        var webCustomer = CustomerOf(bot, "webchat:visitor-1");
        Assert.Equal(webCustomer, CustomerOf(bot, "whatsapp:15557654321"));
        var profile = await bot.Services.GetRequiredService<ICustomerDirectory>().GetAsync(webCustomer, CancellationToken.None);
        Assert.Contains(profile!.Identities, i => i.Key == "whatsapp:15557654321");
        // The key keeps its first verification (the channel's address); the link code is what the merge records.
        var reason = bot.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<string>(
            "SELECT reason FROM customer_merges WHERE into_customer_id = @p1", webCustomer));
        Assert.Equal("whatsapp:15557654321 (link-code, vouched by whatsapp)", reason);
    }

    [Fact]
    public async Task CodeUsedTwice_SecondSenderIsRefused_FirstIsToldAgainItWorked()
    {
        await using var bot = await StartAsync();
        var code = await OfferAsync(bot, "switch to WhatsApp");

        await new TestConversation(bot, ChannelProfiles.WhatsApp, WhatsAppSender).Send(code).ExpectReplyContaining("Done:")
            .Send(code).ExpectReplyContaining("Done:").RunAsync();
        await new TestConversation(bot, ChannelProfiles.WhatsApp, new TestCustomer("15550009999")).Send(code)
            .ExpectReply("That code has already been used, so please ask for a new one where you got it.").RunAsync();

        Assert.NotEqual(CustomerOf(bot, "webchat:visitor-1"), CustomerOf(bot, "whatsapp:15550009999"));
    }

    [Fact]
    public async Task CodeAfterItsLifetime_Expired_NothingLinked()
    {
        await using var bot = await StartAsync();
        var code = await OfferAsync(bot, "continue on whatsapp");

        await new TestConversation(bot, ChannelProfiles.WhatsApp, WhatsAppSender)
            .AdvanceTime(TimeSpan.FromMinutes(10))
            .Send(code).ExpectReply("That code has expired, so please ask for a new one where you got it.")
            .RunAsync();

        Assert.NotEqual(CustomerOf(bot, "webchat:visitor-1"), CustomerOf(bot, "whatsapp:15557654321"));
    }

    [Fact]
    public async Task WrongCodes_FifthIsThrottled_EvenTheRightCodeAfterIt()
    {
        await using var bot = await StartAsync();
        var code = await OfferAsync(bot, "continue on whatsapp");
        var guesser = new TestConversation(bot, ChannelProfiles.WhatsApp, WhatsAppSender);
        for (var i = 0; i < 5; i++)
        {
            guesser.Send(LinkCodeText.Format(LinkCodeText.Generate())).ExpectReply("That code is not valid, so please check it or ask for a new one where you got it.");
        }

        await guesser.Send(code).ExpectReply("There have been too many wrong codes, so please try again in 15 minutes.").RunAsync();

        Assert.NotEqual(CustomerOf(bot, "webchat:visitor-1"), CustomerOf(bot, "whatsapp:15557654321"));
    }

    [Fact]
    public async Task CodeSentWhereItWasAskedFor_ExplainedAndStillUsableThere()
    {
        await using var bot = await StartAsync();
        var code = await OfferAsync(bot, "continue on whatsapp");

        await new TestConversation(bot, ChannelProfiles.WebChat, Visitor).Send(code)
            .ExpectReply("That code links another channel to this chat, so please send it on the channel you asked to continue on.").RunAsync();
        await new TestConversation(bot, ChannelProfiles.WhatsApp, WhatsAppSender).Send(code).ExpectReplyContaining("Done:").RunAsync();
    }

    [Fact]
    public async Task AskingForAChannelWithoutALink_Explained_AndTheSameChannelToo()
    {
        await using var bot = await StartAsync();

        await new TestConversation(bot, ChannelProfiles.WebChat, Visitor)
            .Send("continue on Telegram").ExpectReply("Sorry, continuing on Telegram is not available here.")
            .RunAsync();
        await new TestConversation(bot, ChannelProfiles.WhatsApp, WhatsAppSender)
            .Send("continue on WhatsApp").ExpectReply("You are already on WhatsApp.")
            .RunAsync();
    }

    private static Task<TestBot> StartAsync() => TestBot.StartAsync(
        bot => bot.AddRootDialog<CountingDialog>().AddLinkCodes(),
        services =>
        {
            services.AddSingleton(new TurnProbe());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelLinkTarget, WhatsAppTarget>());
        });

    private static async Task<string> OfferAsync(TestBot bot, string ask)
    {
        string? offer = null;
        await new TestConversation(bot, ChannelProfiles.WebChat, Visitor).Send(ask).ExpectReply(r => offer = r.Text).RunAsync();
        return CodeIn(offer);
    }

    private static string CodeIn(string? offer) =>
        ShownCode().Match(offer ?? string.Empty) is { Success: true } match ? match.Value : throw new InvalidOperationException($"No code in \"{offer}\".");

    private static string CustomerOf(TestBot bot, string key) =>
        bot.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<string>("SELECT customer_id FROM customer_identities WHERE identity_key = @p1", key))
        ?? throw new InvalidOperationException($"No customer holds {key}.");

    [GeneratedRegex("[0-9A-Z]{5}-[0-9A-Z]{5}")]
    private static partial Regex ShownCode();

    /// <summary>WhatsApp's link as its adapter gives it, for a bot whose channels are recording adapters.</summary>
    private sealed class WhatsAppTarget : IChannelLinkTarget
    {
        public ChannelId Channel => ChannelId.WhatsApp;

        public string? Unavailable => null;

        public ChannelInvitation Invite(string code)
        {
            var link = new Uri($"https://wa.me/15550001234?text={Uri.EscapeDataString("LINK " + code)}");
            return new ChannelInvitation(link, $"open {link.AbsoluteUri} and send the message it prepares");
        }
    }
}
