using System.Net;
using System.Text;
using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Tests.Rendering;

/// <summary>Replies longer than the channel's limit: where they split, and what each part carries.</summary>
public sealed partial class ReplyRendererTests
{
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
        var messenger = ChannelProfiles.Messenger.Capabilities with { MaxTextLength = 18 };
        var whatsApp = ChannelProfiles.WhatsApp.Capabilities with { MaxTextLength = 18 };

        var plain = Renderer.Render(Reply(text), messenger);
        var marked = Renderer.Render(Reply(text), whatsApp);

        Assert.Equal(["Prices drop today", "- see the list", "• Shoes"], plain.Messages.Select(m => m.Text));
        Assert.Equal(plain.Messages.Select(m => m.Text), marked.Messages.Select(m => m.Text));
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

        // Without a segment budget, as on a provider that bills by message rather than by segment.
        var rendered = Render(reply, ChannelProfiles.Sms with { Capabilities = ChannelProfiles.Sms.Capabilities with { MaxSegments = 0 } });

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
