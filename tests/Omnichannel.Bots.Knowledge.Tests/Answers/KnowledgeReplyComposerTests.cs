using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Knowledge.Tests.Answers;

public sealed class KnowledgeReplyComposerTests
{
    private const string ShippingLink = "[How long does delivery take?](https://help.acme-outdoor.example/shipping-times)";
    private const string ShippingFullRewritten =
        "Standard delivery takes **3-5 business days**; express takes 1-2. See [tracking](https://help.acme-outdoor.example/track-an-order) to follow your parcel.\n\n## Processing time\nOrders placed before 2 pm ship the same day.";

    private static readonly KnowledgeReplyComposer Composer = new();

    public static TheoryData<string, string, string> AnswerPerChannel => new()
    {
        // channel, body, citation
        { "webchat", ShippingFullRewritten, "Source: " + ShippingLink },
        { "sms", AnswerArticles.ShippingShort, "Source: How long does delivery take?" },
        { "whatsapp", AnswerArticles.ShippingShort, "Source: How long does delivery take?" },
        { "messenger", AnswerArticles.ShippingShort, "Source: How long does delivery take?" },
        { "telegram", AnswerArticles.ShippingShort, "Source: " + ShippingLink },
        { "console", AnswerArticles.ShippingShort, "Source: How long does delivery take?" },
    };

    [Theory]
    [MemberData(nameof(AnswerPerChannel))]
    public void Compose_AnswerOnEachChannel_FullOrShortWithCitation(string channel, string body, string citation)
    {
        var reply = Composer.Compose(AnswerArticles.Answer(KnowledgeDecision.Answer, AnswerArticles.Shipping), Profile(channel), AnswerArticles.Find);

        Assert.Equal(KnowledgeReplyKind.Answer, reply.Kind);
        Assert.Equal("shipping-times", reply.ArticleId);
        Assert.Equal($"{body}\n\n{citation}\n\nRelated questions:", reply.Text);
    }

    [Fact]
    public void Compose_RelatedArticles_OfferedAsKbChoicesVisibleOnTheChannel()
    {
        var web = Composer.ComposeArticle(AnswerArticles.Shipping, ChannelProfiles.WebChat, AnswerArticles.Find);
        var sms = Composer.ComposeArticle(AnswerArticles.Shipping, ChannelProfiles.Sms, AnswerArticles.Find);
        var one = new KnowledgeReplyComposer { MaxRelated = 1 }.ComposeArticle(AnswerArticles.Shipping, ChannelProfiles.WebChat, AnswerArticles.Find);

        // The unknown related id is skipped; the web-chat-only article is not offered on SMS.
        Assert.Equal([new Choice("kb:article:track-an-order", "Track an order"), new Choice("kb:article:international-shipping", "International orders")], web.Choices);
        Assert.Equal([new Choice("kb:article:track-an-order", "Track an order")], sms.Choices);
        Assert.Single(one.Choices);
    }

    [Fact]
    public void ComposeArticle_NoRelatedArticles_NoRelatedLine()
    {
        var reply = Composer.ComposeArticle(AnswerArticles.Refunds, ChannelProfiles.Sms, AnswerArticles.Find);

        Assert.Equal("Within 5 business days of us receiving the return.\n\nSource: When will I get my refund?", reply.Text);
        Assert.Empty(reply.Choices);
    }

    [Fact]
    public void ComposeArticle_NoShortAnswerOnSms_FullAnswer()
    {
        var reply = Composer.ComposeArticle(AnswerArticles.Returns, ChannelProfiles.Sms, AnswerArticles.Find);

        Assert.StartsWith("You have 30 days.", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Source: Returns policy", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeArticle_FullAnswerLongerThanTheChannelHolds_ShortAnswer()
    {
        var narrow = ChannelProfiles.WebChat with { Capabilities = ChannelProfiles.WebChat.Capabilities with { MaxTextLength = 120 } };

        var reply = Composer.ComposeArticle(AnswerArticles.Shipping, narrow, AnswerArticles.Find);

        Assert.StartsWith(AnswerArticles.ShippingShort + "\n\nSource: [", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeArticle_InternalLinks_RewrittenToPublicLinksOrPlainText()
    {
        var reply = Composer.ComposeArticle(AnswerArticles.Returns, ChannelProfiles.WebChat, AnswerArticles.Find);

        // ../shipping/international-shipping.md has no public link: its text; label.pdf is no article: its text;
        // ../shipping/track-an-order.md#status: the article's public page.
        Assert.Equal(
            "You have 30 days. Pack it as in packing, print the label and [track it](https://help.acme-outdoor.example/track-an-order).\n\n"
            + "Source: [Returns policy](https://help.acme-outdoor.example/returns-policy)",
            reply.Text);
    }

    [Theory]
    [InlineData("See [the form](https://acme.example/form) or [email us](mailto:help@acme.example).", "See [the form](https://acme.example/form) or [email us](mailto:help@acme.example).")]
    [InlineData("Wrong folder: [track](track-an-order.md).", "Wrong folder: track.")]
    [InlineData("Unknown: [gone](gone.md#top) and an anchor [below](#below).", "Unknown: gone and an anchor below.")]
    [InlineData("Out of the folder: [x](../../track-an-order.md).", "Out of the folder: x.")]
    [InlineData("From the root: [tracking **now**](/shipping/track-an-order.md).", "From the root: [tracking **now**](https://help.acme-outdoor.example/track-an-order).")]
    [InlineData("A picture ![the box](img/box.png) here.", "A picture the box here.")]
    [InlineData("Code `[x](track-an-order.md)` stays.", "Code `[x](track-an-order.md)` stays.")]
    [InlineData("See [the policy][p].\n\n[p]: https://acme.example/policy\n\nMore.", "See [the policy](https://acme.example/policy).\n\nMore.")]
    [InlineData("See [tracking][t].\n\n[t]: ../shipping/track-an-order.md", "See [tracking](https://help.acme-outdoor.example/track-an-order).")]
    public void Rewrite_Links_NeverLeavesARelativeLink(string markdown, string expected)
    {
        var from = AnswerArticles.Returns;

        Assert.Equal(expected, KnowledgeLinkRewriter.Rewrite(markdown, from, AnswerArticles.Find));
    }

    [Fact]
    public void Compose_Decline_ClosestTopicsAndPerson()
    {
        var answer = AnswerArticles.Answer(KnowledgeDecision.Decline, AnswerArticles.Refunds, AnswerArticles.International, AnswerArticles.Returns, AnswerArticles.Tracking, AnswerArticles.Shipping);

        var sms = Composer.Compose(answer, ChannelProfiles.Sms, AnswerArticles.Find);

        Assert.Equal(KnowledgeReplyKind.Decline, sms.Kind);
        Assert.Equal("I'm not sure I can answer that. Is your question about one of these?", sms.Text);
        Assert.Equal(["kb:article:refund-timing", "kb:article:returns-policy", "kb:article:track-an-order", "kb:person"], sms.Choices.Select(c => c.Value));
        Assert.Equal("Talk to a person", sms.Choices[^1].Title);
    }

    [Fact]
    public void Compose_DeclineWithoutMatches_AsksToRephraseAndOffersPerson()
    {
        var reply = Composer.Compose(AnswerArticles.Answer(KnowledgeDecision.Decline), ChannelProfiles.WebChat, AnswerArticles.Find);

        Assert.Equal("I'm not sure I can answer that. Could you put it another way? Or I can put you through to a person.", reply.Text);
        Assert.Equal([new Choice("kb:person", "Talk to a person")], reply.Choices);
    }

    [Fact]
    public void Compose_Clarify_TheTwoCloseArticles()
    {
        var answer = AnswerArticles.Answer(KnowledgeDecision.Clarify, AnswerArticles.Refunds, AnswerArticles.Returns, AnswerArticles.Shipping);

        var reply = Composer.Compose(answer, ChannelProfiles.WhatsApp, AnswerArticles.Find);

        Assert.Equal(KnowledgeReplyKind.Clarify, reply.Kind);
        Assert.Equal("Did you mean one of these?", reply.Text);
        Assert.Equal([new Choice("kb:article:refund-timing", "When will I get my refund?"), new Choice("kb:article:returns-policy", "Returns policy")], reply.Choices);
    }

    [Fact]
    public void Compose_AnswerWithoutMatches_Declines()
    {
        var reply = Composer.Compose(AnswerArticles.Answer(KnowledgeDecision.Answer), ChannelProfiles.WebChat, AnswerArticles.Find);

        Assert.Equal(KnowledgeReplyKind.Decline, reply.Kind);
    }

    [Fact]
    public void ComposeUnavailable_ApologyAndPerson()
    {
        var reply = new KnowledgeReplyComposer(new KnowledgeTexts { Unavailable = "Our help centre is down.", TalkToPerson = "Agent please" }).ComposeUnavailable();

        Assert.Equal(new KnowledgeReply(KnowledgeReplyKind.Unavailable, "Our help centre is down.", reply.Choices), reply);
        Assert.Equal([new Choice("kb:person", "Agent please")], reply.Choices);
    }

    [Fact]
    public void Compose_CustomTexts_UsedInCitationAndRelatedLine()
    {
        var composer = new KnowledgeReplyComposer(new KnowledgeTexts { Citation = "From our help centre: {title}", Related = string.Empty });

        var reply = composer.ComposeArticle(AnswerArticles.Tracking, ChannelProfiles.Sms, AnswerArticles.Find);

        Assert.Equal("Use the tracking link in your shipping email.\n\nFrom our help centre: Track an order", reply.Text);
        Assert.Single(reply.Choices);
    }

    [Fact]
    public void ComposeArticle_TitleWithMarkdownCharacters_Escaped()
    {
        var article = AnswerArticles.Tracking with { Title = "Track *any* order [beta]", Related = [] };

        var reply = Composer.ComposeArticle(article, ChannelProfiles.WebChat, AnswerArticles.Find);

        Assert.EndsWith(@"Source: [Track \*any\* order \[beta\]](https://help.acme-outdoor.example/track-an-order)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnswerOnSms_NumberedRelatedChoicesAndPlainCitation()
    {
        var reply = Composer.ComposeArticle(AnswerArticles.Shipping, ChannelProfiles.Sms, AnswerArticles.Find);

        var rendered = new ReplyRenderer().Render(Message(reply, ChannelId.Sms), ChannelProfiles.Sms.Capabilities);

        var message = Assert.Single(rendered.Messages);
        Assert.Equal(AnswerArticles.ShippingShort + "\n\nSource: How long does delivery take?\n\nRelated questions:\n\n1. Track an order", message.Text);
        Assert.Empty(message.Choices);
        Assert.True(rendered.OfferedChoices!.Numbered);
    }

    [Fact]
    public void Render_LongAnswerWithoutShortOnSms_CutAtASentenceEndingWithTheArticleLink()
    {
        var article = AnswerArticles.Returns with
        {
            Answer = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Rule {i} of the returns policy applies here.")),
        };
        var reply = Composer.ComposeArticle(article, ChannelProfiles.Sms, AnswerArticles.Find);

        var rendered = new ReplyRenderer().Render(Message(reply, ChannelId.Sms), ChannelProfiles.Sms.Capabilities);

        var message = Assert.Single(rendered.Messages);
        Assert.Equal(new Uri("https://help.acme-outdoor.example/returns-policy"), reply.FullTextUrl);
        Assert.StartsWith("Rule 1 of the returns policy applies here.", message.Text, StringComparison.Ordinal);
        Assert.Contains("applies here.\n\nMore: https://help.acme-outdoor.example/returns-policy", message.Text, StringComparison.Ordinal);
        Assert.InRange(SmsSegments.Count(message.Text!).Segments, 1, ChannelProfiles.Sms.Capabilities.MaxSegments);
    }

    [Fact]
    public void Render_AnswerOnWebChat_ButtonsAndLinkedCitation()
    {
        var reply = Composer.ComposeArticle(AnswerArticles.Shipping, ChannelProfiles.WebChat, AnswerArticles.Find);

        var rendered = new ReplyRenderer().Render(Message(reply, ChannelId.WebChat), ChannelProfiles.WebChat.Capabilities);

        var message = Assert.Single(rendered.Messages);
        Assert.Contains("Source: " + ShippingLink, message.Text, StringComparison.Ordinal);
        Assert.Equal(["Track an order", "International orders"], message.Choices.Select(c => c.Title));
    }

    [Fact]
    public void Render_LongTitlesOnWhatsApp_NumberedInsteadOfButtons()
    {
        var answer = AnswerArticles.Answer(KnowledgeDecision.Clarify, AnswerArticles.Refunds, AnswerArticles.Shipping);
        var reply = Composer.Compose(answer, ChannelProfiles.WhatsApp, AnswerArticles.Find);

        var rendered = new ReplyRenderer().Render(Message(reply, ChannelId.WhatsApp), ChannelProfiles.WhatsApp.Capabilities);

        // WhatsApp button titles hold 24 characters; these titles are longer, so the options are numbered lines.
        Assert.Equal("Did you mean one of these?\n\n1. When will I get my refund?\n2. How long does delivery take?", Assert.Single(rendered.Messages).Text);
    }

    [Fact]
    public void MaxRelated_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KnowledgeReplyComposer { MaxRelated = -1 });
    }

    private static ChannelProfile Profile(string channel) => ChannelProfiles.All.Single(p => p.Channel.Value == channel);

    private static BotMessage Message(KnowledgeReply reply, ChannelId channel) => new()
    {
        Id = "out-1",
        Channel = channel,
        Conversation = new ConversationAddress("account", "customer"),
        Text = reply.Text,
        Choices = reply.Choices,
        FullTextUrl = reply.FullTextUrl,
    };
}
