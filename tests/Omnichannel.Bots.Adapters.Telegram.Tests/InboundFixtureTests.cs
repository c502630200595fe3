using System.Net;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>Bot API updates (Fixtures/, each naming its section) posted to the webhook, as the inbox stores them.</summary>
public sealed class InboundFixtureTests : IClassFixture<TelegramHostFixture>
{
    private readonly TelegramHostFixture _fixture;

    public InboundFixtureTests(TelegramHostFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Webhook_TextMessage_StoresTextSenderLocaleAndBotAccount()
    {
        var message = await PostAndWaitForTurnAsync("text-message");

        Assert.Equal("Where is my order <#123> & when?", message.Text);
        Assert.Equal(ChannelId.Telegram, message.Channel);
        Assert.Equal(new ConversationAddress("7000000001", "123456789"), message.Conversation);
        Assert.Equal("123456789", message.Sender!.Id);
        Assert.Equal("Ada Lovelace", message.Sender.Name);
        Assert.Null(message.Sender.PhoneNumber);
        Assert.Equal("en-GB", message.Locale);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), message.Timestamp);
    }

    [Fact]
    public async Task Webhook_StartWithPayload_KeepsThePayloadForAccountLinking()
    {
        var message = await PostAndWaitForTurnAsync("start-deep-link");

        Assert.Equal("/start", message.Text);
        Assert.Equal("link-7f3a_9Qz", message.DeepLinkPayload);
    }

    [Fact]
    public async Task Webhook_CallbackQuery_IsTheButtonsValueWithItsTitleAndIsAnswered()
    {
        var message = await PostAndWaitForTurnAsync("callback-query");

        Assert.Equal("small", message.Value);
        Assert.Equal("Small", message.Text);
        await _fixture.Api.WaitForAsync("answerCallbackQuery", match: r => r.Text("callback_query_id") == "4382bfdwdsb323b2d9");
    }

    [Fact]
    public async Task Webhook_Location_IsTheMessagesLocation()
    {
        var message = await PostAndWaitForTurnAsync("location");

        Assert.Equal(new GeoLocation(51.507351, -0.127758), message.Location);
        Assert.Null(message.Text);
    }

    [Fact]
    public async Task Webhook_OwnContact_BecomesTheSendersVerifiedPhoneNumber()
    {
        var message = await PostAndWaitForTurnAsync("contact-own");

        Assert.Equal("+447911123456", message.Sender!.PhoneNumber);
        Assert.Equal("+447911123456", message.Text);
    }

    [Fact]
    public async Task Webhook_ContactOfSomeoneElse_IsOnlyText()
    {
        var message = await PostAndWaitForTurnAsync("contact-other");

        Assert.Null(message.Sender!.PhoneNumber);
        Assert.Equal("+14155550123 (Grace)", message.Text);
    }

    [Fact]
    public async Task Webhook_Photo_IsTheLargestSizeByReferenceWithoutTheToken()
    {
        var message = await PostAndWaitForTurnAsync("photo");

        var photo = Assert.Single(message.Attachments);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.True(TelegramFileReference.TryRead(photo.Url, out var fileId));
        Assert.Equal("AgACAgQAAxkBAAMRlarge", fileId);
        Assert.DoesNotContain(FakeTelegramBotApi.Token.Split(':')[1], photo.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("The box arrived like this", message.Text);
    }

    [Fact]
    public async Task Webhook_Document_IsAnAttachmentWithItsNameAndType()
    {
        var message = await PostAndWaitForTurnAsync("document");

        var document = Assert.Single(message.Attachments);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal("receipt.pdf", document.Name);
        Assert.True(TelegramFileReference.TryRead(document.Url, out var fileId));
        Assert.Equal("BQACAgQAAxkBAAMSdoc", fileId);
    }

    [Fact]
    public async Task Webhook_EditedMessage_IsANewTurnWithTheEditedText()
    {
        var message = await PostAndWaitForTurnAsync("edited-message");

        Assert.Equal("Where is my order #124?", message.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225660), message.Timestamp);
    }

    [Theory]
    [InlineData("group-message")]
    [InlineData("sticker")]
    [InlineData("my-chat-member")]
    public async Task Webhook_GroupChatOrUnreadContentOrKind_IsAcknowledgedAndNotStored(string fixture)
    {
        var ignored = Updates.Fixture(fixture);

        using var response = await _fixture.Host.PostUpdateAsync(ignored);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WebhookAssertions.AssertNeverStoredAsync(_fixture.Host, UpdateId(ignored), markerUpdateId: 910000000 + fixture.Length);
    }

    private async Task<BotMessage> PostAndWaitForTurnAsync(string fixture)
    {
        var update = Updates.Fixture(fixture);
        using var response = await _fixture.Host.PostUpdateAsync(update);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = UpdateId(update);
        BotMessage? message = null;
        await Eventually.UntilAsync(
            () => (message = _fixture.Host.Turns.StartedMessages.FirstOrDefault(m => m.Id == id)) is not null,
            $"the turn of update {id} to start");
        return message!;
    }

    private static string UpdateId(string update) =>
        System.Text.Json.JsonDocument.Parse(update).RootElement.GetProperty("update_id").GetRawText();
}
