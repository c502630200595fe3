using System.Text.RegularExpressions;
using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// "Continue by SMS" end to end: asked on web chat (Direct Line), the bot says what to text to which number; that text
/// (signed by Twilio) links the sender's phone to the web chat customer, and the bot says so by SMS.
/// </summary>
public sealed partial class LinkCodeTests
{
    private const string Customer = "+12015550777";

    [Fact]
    public async Task CodeAskedForOnWebChat_TextedByTheCustomer_LinksTheTwoAndSaysSo()
    {
        await using var api = await FakeTwilioApi.StartAsync();
        await using var host = await SmsTestHost.StartAsync(
            api, LinkCodeJourney.Settings, dialogs: bot => bot.AddRootDialog<SizeDialog>().AddWebChatChannel().AddLinkCodes());
        var visitor = await DirectLineVisitor.StartAsync(host.Http, LinkCodeJourney.WebChatSecret);

        var offer = await visitor.AskAsync("please continue by SMS");

        var instruction = Instruction().Match(offer);
        Assert.True(instruction.Success, offer);
        Assert.Equal(SmsTestHost.BotNumber, instruction.Groups["number"].Value);
        Assert.Equal("LINK " + LinkCodeJourney.CodeIn(offer), instruction.Groups["text"].Value);

        var form = TwilioForms.Incoming(TwilioForms.MessageSid(4242), Customer, instruction.Groups["text"].Value);
        using var response = await host.PostFormAsync("/api/channels/sms", form);
        response.EnsureSuccessStatusCode();

        var sent = await api.WaitForSendsAsync(Customer);
        Assert.Equal("Done: this SMS chat is now linked to your web chat conversation, so you can carry on here.", sent[0]["Body"]);
        var (customers, merges) = LinkCodeJourney.Customers(host.Services);
        Assert.Single(customers);
        Assert.Equal($"sms:{Customer} (link-code, vouched by sms)", Assert.Single(merges));
    }

    [GeneratedRegex(@"^To continue on SMS, text (?<text>LINK [0-9A-Z]{5}-[0-9A-Z]{5}) to (?<number>\+[0-9]+) within 10 minutes")]
    private static partial Regex Instruction();
}
