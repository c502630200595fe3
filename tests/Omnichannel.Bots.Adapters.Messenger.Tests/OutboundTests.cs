using Omnichannel.Bots.Adapters.Meta.Testing;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>
/// The adapter's Send API calls, sent directly (as the outbox would) to the Graph API stand-in: the human-agent tag,
/// attachments by URL, the button template, typing, and Meta's errors as the outbox sees them.
/// </summary>
public sealed class OutboundTests : IClassFixture<MessengerHostFixture>
{
    private readonly MessengerHostFixture _fixture;

    public OutboundTests(MessengerHostFixture fixture)
    {
        _fixture = fixture;
    }

    private FakeGraphApi Api => _fixture.Api;

    private ChannelAdapter Adapter => _fixture.Host.Adapter;

    [Fact]
    public async Task AgentMessageInTheHumanAgentWindow_CarriesMessageTagHumanAgent()
    {
        const string psid = "7300000000000001";
        var message = Message(psid, "Sorry for the wait: your refund is on its way.") with
        {
            Sender = new Participant("agent-ada", "Ada"),
            Window = SendWindow.HumanAgent,
        };

        var receipt = await Adapter.SendAsync(message, CancellationToken.None);

        var send = Assert.Single(Api.SendsTo(psid));
        Assert.Equal("MESSAGE_TAG", send["messaging_type"]);
        Assert.Equal("HUMAN_AGENT", send["tag"]);
        Assert.Equal("Sorry for the wait: your refund is on its way.", send["message.text"]);
        Assert.StartsWith("m_FAKE", receipt.ProviderMessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotMessageInTheHumanAgentWindow_RefusedAsWindowClosedNothingSent()
    {
        const string psid = "7300000000000002";
        var message = Message(psid, "A bot's reminder") with { Window = SendWindow.HumanAgent };

        var refused = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(message, CancellationToken.None));

        Assert.True(refused.WindowClosed);
        Assert.Empty(Api.SendsTo(psid));
    }

    [Fact]
    public async Task TextWithAttachmentsAndChoices_TextThenEachAttachmentByUrl_QuickRepliesOnTheLast()
    {
        const string psid = "7300000000000003";
        var message = Message(psid, "Here is your label.") with
        {
            Attachments = [new Attachment("image/png", new Uri("https://files.example.test/label.png")), new Attachment("application/pdf", new Uri("https://files.example.test/label.pdf"))],
            Choices = [new Choice("done", "Done")],
            ChoiceStyle = ChoiceStyle.Buttons,
        };

        var receipt = await Adapter.SendAsync(message, CancellationToken.None);

        var sends = Api.SendsTo(psid);
        Assert.Equal(3, sends.Count);
        Assert.Equal("Here is your label.", sends[0]["message.text"]);
        Assert.Equal(("image", "https://files.example.test/label.png", "false"), (sends[1]["message.attachment.type"], sends[1]["message.attachment.payload.url"], sends[1]["message.attachment.payload.is_reusable"]));
        Assert.Equal(("file", "https://files.example.test/label.pdf"), (sends[2]["message.attachment.type"], sends[2]["message.attachment.payload.url"]));
        Assert.Null(sends[0]["message.quick_replies"]);
        Assert.Contains("\"payload\":\"done\"", sends[2]["message.quick_replies"], StringComparison.Ordinal);
        Assert.All(sends, s => Assert.Equal("RESPONSE", s["messaging_type"]));
        Assert.Equal(sends.Count, Api.Requests.Count(r => r["recipient.id"] == psid));
        Assert.NotNull(receipt.ProviderMessageId);
    }

    [Fact]
    public async Task Typing_IsTheSenderActionTypingOn_NoReceipt()
    {
        const string psid = "7300000000000004";

        var receipt = await Adapter.SendAsync(new BotMessage { Id = "typing-1", Channel = ChannelId.Messenger, Conversation = Address(psid), Kind = MessageKind.Typing }, CancellationToken.None);

        var send = Assert.Single(Api.SendsTo(psid));
        Assert.Equal("typing_on", send["sender_action"]);
        Assert.Null(send["messaging_type"]);
        Assert.Null(receipt.ProviderMessageId);
    }

    [Fact]
    public async Task OutsideTheWindow_10_2018278_IsWindowClosedNotTransient()
    {
        const string psid = "7300000000000005";
        Api.FailNext(GraphApiFailure.OutsideWindow);

        var refused = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Message(psid, "hello again"), CancellationToken.None));

        Assert.True(refused.WindowClosed);
        Assert.False(refused.IsTransient);
        Assert.Equal("10/2018278", refused.ProviderCode);
        Assert.Contains("outside of allowed window", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonUnavailable_551_IsUnreachable()
    {
        const string psid = "7300000000000006";
        Api.FailNext(GraphApiFailure.PersonUnavailable);

        var refused = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Message(psid, "hello"), CancellationToken.None));

        Assert.True(refused.Unreachable);
        Assert.False(refused.IsTransient);
        Assert.StartsWith("551", refused.ProviderCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_190_RetriedAndNamesTheSetting()
    {
        Api.FailNext(GraphApiFailure.ExpiredToken);

        var refused = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Message("7300000000000007", "hello"), CancellationToken.None));

        Assert.True(refused.IsTransient);
        Assert.Contains("Channels:Messenger:PageAccessToken", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ButtonTemplate_WithPersistentButtonsAndUpToThreeChoices_PostbackButtonsInsteadOfQuickReplies()
    {
        var message = Message("7300000000000008", "Which order?") with { Choices = [new Choice("order:1", "Order 1"), new Choice("order:2", "Order 2")] };

        var body = Assert.Single(MessengerChannelAdapter.Bodies(message, persistentButtons: true));

        var payload = body["message"]!["attachment"]!["payload"]!;
        Assert.Equal("template", body["message"]!["attachment"]!["type"]!.GetValue<string>());
        Assert.Equal("button", payload["template_type"]!.GetValue<string>());
        Assert.Equal("Which order?", payload["text"]!.GetValue<string>());
        Assert.Equal(
            [("postback", "Order 1", "order:1"), ("postback", "Order 2", "order:2")],
            payload["buttons"]!.AsArray().Select(b => (b!["type"]!.GetValue<string>(), b["title"]!.GetValue<string>(), b["payload"]!.GetValue<string>())));
        Assert.Null(body["message"]!["quick_replies"]);
    }

    [Theory]
    [InlineData(false, 3, 10)]
    [InlineData(true, 4, 10)]
    [InlineData(true, 3, 641)]
    public void QuickReplies_ByDefaultOrWhenTheTemplateCannotHoldThem(bool persistentButtons, int choices, int textLength)
    {
        var message = Message("7300000000000009", new string('a', textLength)) with
        {
            Choices = [.. Enumerable.Range(1, choices).Select(i => new Choice($"v{i}", $"Choice {i}"))],
        };

        var body = Assert.Single(MessengerChannelAdapter.Bodies(message, persistentButtons));

        Assert.Equal(choices, body["message"]!["quick_replies"]!.AsArray().Count);
        Assert.Null(body["message"]!["attachment"]);
    }

    [Theory]
    [InlineData(14, "Choice", "v", "more than the 13")]
    [InlineData(2, "A title over twenty chars", "v", "longer than 20 characters")]
    [InlineData(2, "Choice", null, "longer than 1000 characters")]
    public void ChoicesOverMessengersLimits_RefusedPermanently(int count, string title, string? value, string expected)
    {
        var message = Message("7300000000000010", "Pick one") with
        {
            Choices = [.. Enumerable.Range(1, count).Select(i => new Choice(value ?? new string('x', 1001), title))],
        };

        var refused = Assert.Throws<ChannelSendException>(() => MessengerChannelAdapter.Bodies(message, persistentButtons: false));

        Assert.False(refused.IsTransient);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_GoesAsAMapLinkBeforeTheText()
    {
        var message = Message("7300000000000011", "Our shop") with { Location = new GeoLocation(51.5, -0.12, "Shop", "1 High St") };

        var bodies = MessengerChannelAdapter.Bodies(message, persistentButtons: false);

        Assert.Equal(2, bodies.Count);
        Assert.Equal("Shop, 1 High St: https://www.openstreetmap.org/?mlat=51.5&mlon=-0.12", bodies[0]["message"]!["text"]!.GetValue<string>());
    }

    private static ConversationAddress Address(string psid) => new(MessengerTestHost.PageId, psid);

    private static BotMessage Message(string psid, string text) => new()
    {
        Id = "out-" + psid,
        Channel = ChannelId.Messenger,
        Conversation = Address(psid),
        Text = text,
    };
}
