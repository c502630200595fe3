using System.Net;
using System.Text;
using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Tests.Rendering;

public sealed class ReplyRendererTests
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
    public void Render_TelegramHtmlGrowsPastLimit_SplitsAgainWhereWhatsAppNeedsOnePart()
    {
        const string text = "A & B & C & D. E & F & G & H.";
        var telegram = ChannelProfiles.Telegram.Capabilities with { MaxTextLength = 30 };
        var whatsApp = ChannelProfiles.WhatsApp.Capabilities with { MaxTextLength = 30 };

        var html = Renderer.Render(Reply(text), telegram);
        var plain = Renderer.Render(Reply(text), whatsApp);

        Assert.Equal(["A &amp; B &amp; C &amp; D.", "E &amp; F &amp; G &amp; H."], html.Messages.Select(m => m.Text));
        Assert.Equal(["reply-1/1", "reply-1/2"], html.Messages.Select(m => m.Id));
        var single = Assert.Single(plain.Messages);
        Assert.Equal(text, single.Text);
        Assert.Equal("reply-1", single.Id);
    }

    [Fact]
    public void Render_TelegramHtmlGrowsPastRealLimit_EveryPartFitsAndNoEntityIsCut()
    {
        var text = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"Fish & chips <{i}>."));
        Assert.InRange(text.Length, 3000, ChannelProfiles.Telegram.Capabilities.MaxTextLength);

        var telegram = Render(Reply(text), ChannelProfiles.Telegram);
        var whatsApp = Render(Reply(text), ChannelProfiles.WhatsApp);

        Assert.Equal(2, telegram.Messages.Count);
        Assert.All(telegram.Messages, m => Assert.InRange(m.Text!.Length, 1, 4096));
        Assert.All(telegram.Messages, m => Assert.DoesNotContain('&', StripEntities(m.Text!)));
        Assert.All(telegram.Messages, m => Assert.DoesNotContain('<', m.Text!));
        Assert.Equal(text, string.Join(' ', telegram.Messages.Select(m => WebUtility.HtmlDecode(m.Text))));
        Assert.Equal(text, Assert.Single(whatsApp.Messages).Text);
    }

    [Fact]
    public void Render_SplitMarkdown_NeverCutsThroughBoldText()
    {
        const string text = "Please note: **your refund will arrive in five days** after we receive it.";
        var sms = ChannelProfiles.Sms.Capabilities with { MaxTextLength = 40 };
        var whatsApp = ChannelProfiles.WhatsApp.Capabilities with { MaxTextLength = 40 };

        var plain = Renderer.Render(Reply(text), sms);
        var marked = Renderer.Render(Reply(text), whatsApp);

        Assert.Equal(["Please note:", "your refund will arrive in five days", "after we receive it."], plain.Messages.Select(m => m.Text));
        Assert.Equal(["Please note:", "*your refund will arrive in five days*", "after we receive it."], marked.Messages.Select(m => m.Text));
    }

    [Fact]
    public void Render_PartStartingMidLineWithDash_IsNotTurnedIntoABullet()
    {
        const string text = "Prices drop today - see the list\n- Shoes";
        var sms = ChannelProfiles.Sms.Capabilities with { MaxTextLength = 18 };
        var whatsApp = ChannelProfiles.WhatsApp.Capabilities with { MaxTextLength = 18 };

        var plain = Renderer.Render(Reply(text), sms);
        var marked = Renderer.Render(Reply(text), whatsApp);

        Assert.Equal(["Prices drop today", "- see the list", "• Shoes"], plain.Messages.Select(m => m.Text));
        Assert.Equal(plain.Messages.Select(m => m.Text), marked.Messages.Select(m => m.Text));
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

    [Fact]
    public void Render_LongReplyOnWhatsApp_NumbersPartIdsAndPutsButtonsAndAttachmentsLast()
    {
        var (p1, p2, p3) = (Paragraph("alpha"), Paragraph("bravo"), Paragraph("charlie"));
        var image = new Attachment("image/png", new Uri("https://cdn.shop.test/photo.png"));
        var location = new GeoLocation(52.37, 4.89, "Store");
        var reply = Reply($"{p1}\n\n{p2}\n\n{p3}", SupportChoices, [image], location);

        var rendered = Render(reply, ChannelProfiles.WhatsApp);

        Assert.Equal(["reply-1/1", "reply-1/2"], rendered.Messages.Select(m => m.Id));
        var (first, last) = (rendered.Messages[0], rendered.Messages[1]);
        Assert.Equal($"{p1}\n\n{p2}", first.Text);
        Assert.Equal(location, first.Location);
        Assert.Empty(first.Choices);
        Assert.Empty(first.Attachments);
        Assert.Equal(p3, last.Text);
        Assert.Null(last.Location);
        Assert.Equal(SupportChoices, last.Choices);
        Assert.Equal([image], last.Attachments);
        AssertOffered(rendered, reply.Choices, numbered: false);
    }

    [Fact]
    public void Render_LongReplyOnSms_KeepsLinksAndOptionsInTheLastPart()
    {
        var (p1, p2, p3) = (Paragraph("alpha"), Paragraph("bravo"), Paragraph("charlie"));
        var image = new Attachment("image/png", new Uri("https://cdn.shop.test/photo.png"));
        var location = new GeoLocation(52.37, 4.89, "Store");
        var reply = Reply($"{p1}\n\n{p2}\n\n{p3}", SupportChoices, [image], location);

        var rendered = Render(reply, ChannelProfiles.Sms);

        Assert.Equal(["reply-1/1", "reply-1/2", "reply-1/3"], rendered.Messages.Select(m => m.Id));
        Assert.Equal(
            [p1, p2, $"{p3}\n\nhttps://cdn.shop.test/photo.png\n\n1. Track an order\n2. Start a return\n3. Talk to an agent"],
            rendered.Messages.Select(m => m.Text));
        Assert.Equal([location, null, null], rendered.Messages.Select(m => m.Location));
        Assert.All(rendered.Messages, m => Assert.Empty(m.Choices));
        Assert.All(rendered.Messages, m => Assert.Empty(m.Attachments));
        Assert.All(rendered.Messages, m => Assert.InRange(m.Text!.Length, 1, 1600));
        AssertOffered(rendered, reply.Choices, numbered: true);
    }

    [Fact]
    public void Render_OptionsDoNotFitBesideTheText_GetAPartOfTheirOwn()
    {
        const string text = "Your order has shipped and should arrive within two days.";
        var sms = ChannelProfiles.Sms.Capabilities with { MaxTextLength = 60 };
        var console = ChannelProfiles.Console.Capabilities with { MaxTextLength = 80 };
        var reply = Reply(text, [new Choice("Yes"), new Choice("No")]);

        var small = Renderer.Render(reply, sms);
        var large = Renderer.Render(reply, console);

        Assert.Equal([text, "1. Yes\n2. No"], small.Messages.Select(m => m.Text));
        Assert.Equal(["reply-1/1", "reply-1/2"], small.Messages.Select(m => m.Id));
        Assert.Equal($"{text}\n\n1. Yes\n2. No", Assert.Single(large.Messages).Text);
    }

    [Fact]
    public void Render_OptionsLongerThanTheLimit_SplitBetweenOptions()
    {
        var sms = ChannelProfiles.Sms.Capabilities with { MaxTextLength = 20 };
        var console = ChannelProfiles.Console.Capabilities with { MaxTextLength = 20 };

        var rendered = Renderer.Render(Reply("Pick one:", SupportChoices), sms);
        var same = Renderer.Render(Reply("Pick one:", SupportChoices), console);

        Assert.Equal(["Pick one:", "1. Track an order", "2. Start a return", "3. Talk to an agent"], rendered.Messages.Select(m => m.Text));
        Assert.Equal(rendered.Messages.Select(m => m.Text), same.Messages.Select(m => m.Text));
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

    [Theory]
    [InlineData("sms")]
    [InlineData("whatsapp")]
    [InlineData("telegram")]
    [InlineData("messenger")]
    [InlineData("webchat")]
    public void Render_64KilobyteMarkdownReply_EveryPartFitsAndTagsBalance(string channel)
    {
        var profile = Profile(channel);
        var text = MarkdownProse(new Random(7), 64 * 1024);

        var rendered = Render(Reply(text), profile);

        var limit = profile.Capabilities.MaxTextLength;
        Assert.InRange(rendered.Messages.Count, (text.Length / limit) + 1, text.Length);
        Assert.All(rendered.Messages, m => Assert.InRange(m.Text!.Length, 1, limit));
        Assert.All(rendered.Messages, m => Assert.Equal(Count(m.Text!, "<b>"), Count(m.Text!, "</b>")));
        Assert.All(rendered.Messages, m => Assert.Equal(Count(m.Text!, "<a href"), Count(m.Text!, "</a>")));
        Assert.Equal(rendered.Messages.Select((_, i) => $"reply-1/{i + 1}"), rendered.Messages.Select(m => m.Id));
    }

    [Fact]
    public void Render_MaxTextLengthBelowTwo_ThrowsButTypingStillPasses()
    {
        var broken = ChannelProfiles.WebChat.Capabilities with { MaxTextLength = 1 };

        Assert.Throws<ArgumentException>(() => Renderer.Render(Reply("Hi"), broken));
        Assert.Single(Renderer.Render(Reply() with { Kind = MessageKind.Typing }, broken).Messages);
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

    /// <summary>A 1,500-character paragraph: the word 250 times, ending with a dot.</summary>
    private static string Paragraph(string word) =>
        string.Join(' ', Enumerable.Repeat(word, 1500 / (word.Length + 1))).PadRight(1499, 'x') + ".";

    private static string StripEntities(string html) =>
        html.Replace("&amp;", "", StringComparison.Ordinal).Replace("&lt;", "", StringComparison.Ordinal).Replace("&gt;", "", StringComparison.Ordinal);

    private static int Count(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    private static string MarkdownProse(Random random, int length)
    {
        string[] pieces =
        [
            "Your **order #123** has shipped.", "Fish & chips <hot>.", "See [tracking](https://shop.test/t?a=1&b=2).",
            "Use `code & more` here.", "It costs 3.5 dollars, e.g. today.", "_Thanks_ for waiting!", "~~Old~~ new price.",
            "Visit https://shop.test/a_b_c now.", "A **long bold phrase with several words in it** ends here.",
        ];
        var text = new StringBuilder(length + 200);
        while (text.Length < length)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
            text.Append(random.Next(20) switch
            {
                0 => "\n\n",
                1 => "\n- ",
                2 => "\n# Heading & more\n",
                _ => " ",
            });
        }

        return text.ToString();
    }
}
