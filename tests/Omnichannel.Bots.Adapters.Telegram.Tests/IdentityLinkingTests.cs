using System.Net;
using System.Text.Json.Nodes;
using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>
/// What a Telegram message links, end to end: the sender's id always; a phone only from a contact its owner shared
/// (<c>user_id</c> is the sender); someone else's contact or a number typed in the text never.
/// </summary>
public sealed class IdentityLinkingTests : IClassFixture<TelegramHostFixture>
{
    private readonly TelegramHostFixture _fixture;

    public IdentityLinkingTests(TelegramHostFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData(910001, "own contact", new[] { "phone:+447911123456 shared-contact telegram", "telegram:910001 channel-address telegram" })]
    [InlineData(910002, "someone else's contact", new[] { "telegram:910002 channel-address telegram" })]
    [InlineData(910003, "typed number", new[] { "telegram:910003 channel-address telegram" })]
    public async Task Receive_Telegram_LinksOnlyWhatTheSenderVouchedFor(int sender, string kind, string[] linked)
    {
        var update = kind switch
        {
            "own contact" => Contact(sender, "447911123456", contactUserId: sender),
            "someone else's contact" => Contact(sender, "+14155550123", contactUserId: 555000111),
            _ => Updates.Text(sender, "my number is +447911123456", chatId: sender),
        };

        using var response = await _fixture.Host.PostUpdateAsync(update);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await _fixture.Host.Turns.WaitForAsync(sender.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(linked, await LinkedIdentities.OfAsync(_fixture.Host.Services, entry.CustomerId));
    }

    /// <summary>The contact-own fixture from another sender, sharing <paramref name="phone"/> of <paramref name="contactUserId"/>.</summary>
    private static string Contact(int sender, string phone, long contactUserId)
    {
        var update = JsonNode.Parse(Updates.Fixture("contact-own", updateId: sender))!.AsObject();
        var message = update["message"]!.AsObject();
        message["message_id"] = sender;
        message["from"]!["id"] = sender;
        message["chat"]!["id"] = sender;
        message["contact"]!["phone_number"] = phone;
        message["contact"]!["user_id"] = contactUserId;
        return update.ToJsonString();
    }
}
