using System.Net;
using System.Text;
using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Tests.Rendering;

public sealed partial class ReplyRendererTests
{
    private static readonly ReplyRenderer Renderer = new();

    private static readonly Choice[] SupportChoices =
    [
        new("track", "Track an order"),
        new("return", "Start a return"),
        new("agent", "Talk to an agent"),
    ];

    [Theory]
    [InlineData("webchat", "**Hi** there, see [help](https://shop.test/help).")]
    [InlineData("sms", "Hi there, see help (https://shop.test/help).")]
    [InlineData("messenger", "Hi there, see help (https://shop.test/help).")]
    [InlineData("whatsapp", "*Hi* there, see help (https://shop.test/help).")]
    [InlineData("telegram", "<b>Hi</b> there, see <a href=\"https://shop.test/help\">help</a>.")]
    public void Render_MarkdownText_ConvertsToTheChannelsMarkup(string channel, string expected)
    {
        var rendered = Render(Reply("**Hi** there, see [help](https://shop.test/help)."), Profile(channel));

        var message = Assert.Single(rendered.Messages);
        Assert.Equal(expected, message.Text);
        Assert.Equal("reply-1", message.Id);
        Assert.Null(rendered.OfferedChoices);
    }

    [Fact]
    public void Render_ThreeChoicesOnWhatsApp_ShowsButtons()
    {
        var reply = Reply("How can I help?", SupportChoices);

        var rendered = Render(reply, ChannelProfiles.WhatsApp);

        var message = Assert.Single(rendered.Messages);
        Assert.Equal("How can I help?", message.Text);
        Assert.Equal(SupportChoices, message.Choices);
        AssertOffered(rendered, reply.Choices, numbered: false);
    }

    [Fact]
    public void Render_ThreeChoicesOnSms_AppendsNumberedOptions()
    {
        var reply = Reply("How can I help?", SupportChoices);

        var rendered = Render(reply, ChannelProfiles.Sms);

        var message = Assert.Single(rendered.Messages);
        Assert.Equal("How can I help?\n\n1. Track an order\n2. Start a return\n3. Talk to an agent", message.Text);
        Assert.Empty(message.Choices);
        AssertOffered(rendered, reply.Choices, numbered: true);
    }

    [Fact]
    public void Render_ElevenChoices_NumbersThemOnWhatsAppAndKeepsButtonsOnTelegram()
    {
        var choices = Enumerable.Range(1, 11).Select(i => new Choice($"topic-{i}", $"Topic {i}")).ToArray();
        var reply = Reply("Pick a topic:", choices);

        var whatsApp = Render(reply, ChannelProfiles.WhatsApp);
        var telegram = Render(reply, ChannelProfiles.Telegram);

        var options = string.Join('\n', Enumerable.Range(1, 11).Select(i => $"{i}. Topic {i}"));
        var numbered = Assert.Single(whatsApp.Messages);
        Assert.Equal($"Pick a topic:\n\n{options}", numbered.Text);
        Assert.Empty(numbered.Choices);
        AssertOffered(whatsApp, reply.Choices, numbered: true);
        var buttons = Assert.Single(telegram.Messages);
        Assert.Equal("Pick a topic:", buttons.Text);
        Assert.Equal(choices, buttons.Choices);
        AssertOffered(telegram, reply.Choices, numbered: false);
    }

    [Fact]
    public void Render_ChoiceTitleOver24Characters_NumbersOnWhatsAppButKeepsButtonsOnWebChat()
    {
        Choice[] choices = [new("track", "Track an order"), new("agent", "Speak with a customer agent")];
        var reply = Reply("What next?", choices);

        var whatsApp = Render(reply, ChannelProfiles.WhatsApp);
        var webChat = Render(reply, ChannelProfiles.WebChat);

        Assert.Equal("What next?\n\n1. Track an order\n2. Speak with a customer agent", Assert.Single(whatsApp.Messages).Text);
        AssertOffered(whatsApp, reply.Choices, numbered: true);
        Assert.Equal(choices, Assert.Single(webChat.Messages).Choices);
        AssertOffered(webChat, reply.Choices, numbered: false);
    }

    [Theory]
    [InlineData("Exactly twenty chars", "messenger", false)]
    [InlineData("Twenty-one characters", "messenger", true)]
    [InlineData("Twenty-one characters", "whatsapp", false)]
    [InlineData("Twenty-one characters", "sms", true)]
    public void Render_ButtonTitleLimit_DecidesBetweenButtonsAndNumbers(string title, string channel, bool numbered)
    {
        var reply = Reply("Choose:", [new Choice("a", title), new Choice("b", "Other")]);

        var rendered = Render(reply, Profile(channel));

        var message = Assert.Single(rendered.Messages);
        AssertOffered(rendered, reply.Choices, numbered);
        Assert.Equal(numbered ? 0 : 2, message.Choices.Count);
        Assert.Equal(numbered ? $"Choose:\n\n1. {title}\n2. Other" : "Choose:", message.Text);
    }

    [Fact]
    public void Render_NumberedOptionTitles_AreEscapedForTheMarkup()
    {
        Choice[] choices = [new("qa", "Q&A <new>"), new("math", "2 *times* 3")];
        var telegram = ChannelProfiles.Telegram.Capabilities with { MaxButtons = 1 };
        var webChat = ChannelProfiles.WebChat.Capabilities with { MaxButtons = 1 };

        var html = Renderer.Render(Reply("Topics:", choices), telegram);
        var markdown = Renderer.Render(Reply("Topics:", choices), webChat);

        Assert.Equal("Topics:\n\n1. Q&amp;A &lt;new&gt;\n2. 2 *times* 3", Assert.Single(html.Messages).Text);
        Assert.Equal("Topics:\n\n1. Q&A \\<new>\n2. 2 \\*times\\* 3", Assert.Single(markdown.Messages).Text);
    }

    [Fact]
    public void Render_AttachmentsOnSms_BecomeLinksWhileWebChatKeepsThem()
    {
        Attachment[] attachments =
        [
            new("image/png", new Uri("https://cdn.shop.test/receipt.png"), "Receipt"),
            new("application/pdf", new Uri("https://cdn.shop.test/invoice.pdf?id=7&v=2")),
        ];
        var reply = Reply("Here is your receipt.", attachments: attachments);

        var sms = Assert.Single(Render(reply, ChannelProfiles.Sms).Messages);
        var webChat = Assert.Single(Render(reply, ChannelProfiles.WebChat).Messages);

        Assert.Equal("Here is your receipt.\n\nReceipt: https://cdn.shop.test/receipt.png\nhttps://cdn.shop.test/invoice.pdf?id=7&v=2", sms.Text);
        Assert.Empty(sms.Attachments);
        Assert.Equal("Here is your receipt.", webChat.Text);
        Assert.Equal(attachments, webChat.Attachments);
    }

    [Fact]
    public void Render_MediaKindsPartlySupported_LinksOnlyTheOthers()
    {
        var image = new Attachment("image/png", new Uri("https://cdn.shop.test/receipt.png"), "Receipt");
        var document = new Attachment("application/pdf", new Uri("https://cdn.shop.test/invoice.pdf?id=7&v=2"), "Invoice");
        var mms = ChannelProfiles.Sms.Capabilities with { Media = MediaKinds.Image };
        var telegram = ChannelProfiles.Telegram.Capabilities with { Media = MediaKinds.Image };

        var plain = Assert.Single(Renderer.Render(Reply("Done.", attachments: [image, document]), mms).Messages);
        var html = Assert.Single(Renderer.Render(Reply("Done.", attachments: [image, document]), telegram).Messages);

        Assert.Equal("Done.\n\nInvoice: https://cdn.shop.test/invoice.pdf?id=7&v=2", plain.Text);
        Assert.Equal([image], plain.Attachments);
        Assert.Equal("Done.\n\nInvoice: https://cdn.shop.test/invoice.pdf?id=7&amp;v=2", html.Text);
        Assert.Equal([image], html.Attachments);
    }

    [Fact]
    public void Render_AttachmentOnlyReply_IsALinkOnSmsAndAnAttachmentOnWhatsApp()
    {
        var image = new Attachment("image/jpeg", new Uri("https://cdn.shop.test/parcel.jpg"));
        var reply = Reply(attachments: [image]);

        var sms = Assert.Single(Render(reply, ChannelProfiles.Sms).Messages);
        var whatsApp = Assert.Single(Render(reply, ChannelProfiles.WhatsApp).Messages);

        Assert.Equal("https://cdn.shop.test/parcel.jpg", sms.Text);
        Assert.Empty(sms.Attachments);
        Assert.Null(whatsApp.Text);
        Assert.Equal([image], whatsApp.Attachments);
    }

    [Fact]
    public void Render_Typing_IsDroppedOnSmsAndKeptOnWebChat()
    {
        var typing = Reply() with { Kind = MessageKind.Typing };

        var sms = Render(typing, ChannelProfiles.Sms);
        var webChat = Render(typing, ChannelProfiles.WebChat);

        Assert.Empty(sms.Messages);
        Assert.Null(sms.OfferedChoices);
        Assert.Same(typing, Assert.Single(webChat.Messages));
        Assert.Null(webChat.OfferedChoices);
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("webchat")]
    public void Render_EmptyReply_YieldsNothing(string channel)
    {
        var empty = Render(Reply(), Profile(channel));
        var blank = Render(Reply(" \n\t "), Profile(channel));

        Assert.Empty(empty.Messages);
        Assert.Null(empty.OfferedChoices);
        Assert.Empty(blank.Messages);
        Assert.Null(blank.OfferedChoices);
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("whatsapp")]
    public void Render_LocationOnly_PassesThroughUnchanged(string channel)
    {
        var location = new GeoLocation(52.37, 4.89, "Store", "Damrak 1");

        var message = Assert.Single(Render(Reply(location: location), Profile(channel)).Messages);

        Assert.Equal("reply-1", message.Id);
        Assert.Null(message.Text);
        Assert.Equal(location, message.Location);
    }

    [Fact]
    public void Render_ChoicesWithoutText_AreButtonsOnWebChatAndOptionsOnSms()
    {
        var reply = Reply(choices: SupportChoices);

        var webChat = Assert.Single(Render(reply, ChannelProfiles.WebChat).Messages);
        var sms = Assert.Single(Render(reply, ChannelProfiles.Sms).Messages);

        Assert.Null(webChat.Text);
        Assert.Equal(SupportChoices, webChat.Choices);
        Assert.Equal("1. Track an order\n2. Start a return\n3. Talk to an agent", sms.Text);
    }

    private static RenderedReply Render(BotMessage reply, ChannelProfile profile) => Renderer.Render(reply, profile.Capabilities);

    private static ChannelProfile Profile(string channel) => ChannelProfiles.All.Single(p => p.Channel.Value == channel);

    private static BotMessage Reply(
        string? text = null,
        IReadOnlyList<Choice>? choices = null,
        IReadOnlyList<Attachment>? attachments = null,
        GeoLocation? location = null) => new()
        {
            Id = "reply-1",
            Channel = ChannelId.WebChat,
            Conversation = new ConversationAddress("bot", "conversation-1"),
            Text = text,
            Choices = choices ?? [],
            Attachments = attachments ?? [],
            Location = location,
        };

    private static void AssertOffered(RenderedReply rendered, IReadOnlyList<Choice> choices, bool numbered)
    {
        Assert.NotNull(rendered.OfferedChoices);
        Assert.Same(choices, rendered.OfferedChoices.Choices);
        Assert.Equal(numbered, rendered.OfferedChoices.Numbered);
    }
}
