using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Tests.Rendering;

/// <summary>The renderer on the SMS profile: GSM-7 punctuation, the segment budget, the full-text link, numbered options.</summary>
public sealed class SmsRenderingTests
{
    private static readonly ReplyRenderer Renderer = new();
    private static readonly Uri Article = new("https://help.shop.test/returns");

    [Fact]
    public void Render_OneCurlyQuote_SentAsGsm7InOneSegment()
    {
        var text = "We’ve received your return and will refund you within five working days of it reaching our warehouse. Thank you!";

        var message = Assert.Single(Render(Reply(text)).Messages);

        Assert.Equal(text.Replace('’', '\''), message.Text);
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 1, message.Text!.Length), SmsSegments.Count(message.Text));
    }

    [Fact]
    public void Render_EmojiReply_StaysUcs2AsWritten()
    {
        var message = Assert.Single(Render(Reply("Thanks “Ann” 😀")).Messages);

        Assert.Equal("Thanks “Ann” 😀", message.Text);
    }

    [Fact]
    public void Render_LongerThanTheBudgetWithFullTextUrl_CutAtASentenceEndingWithTheLink()
    {
        var sentences = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"Sentence number {i} explains one more step of the return."));

        var message = Assert.Single(Render(Reply(sentences) with { FullTextUrl = Article }).Messages);

        Assert.EndsWith("of the return.\n\nMore: https://help.shop.test/returns", message.Text, StringComparison.Ordinal);
        Assert.StartsWith("Sentence number 1 explains", message.Text, StringComparison.Ordinal);
        Assert.InRange(SmsSegments.Count(message.Text!).Segments, 2, 3);
        Assert.True(message.Text!.Length <= 1600);
    }

    [Fact]
    public void Render_LongerThanTheBudgetWithOptions_KeepsTheOptionsAfterTheLink()
    {
        var sentences = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"Sentence {i} says more."));
        Choice[] choices = [new("yes", "Yes"), new("no", "No")];

        var rendered = Render(Reply(sentences) with { FullTextUrl = Article, Choices = choices });

        var message = Assert.Single(rendered.Messages);
        Assert.EndsWith("More: https://help.shop.test/returns\n\n1. Yes\n2. No", message.Text, StringComparison.Ordinal);
        Assert.True(SmsSegments.Count(message.Text!).Segments <= 3);
        Assert.True(rendered.OfferedChoices!.Numbered);
    }

    [Fact]
    public void Render_LongerThanTheBudgetWithoutALink_SplitIntoMessagesWithinTheBudgetLosingNothing()
    {
        var sentences = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"Sentence {i} of the reply."));

        var messages = Render(Reply(sentences)).Messages;

        Assert.True(messages.Count >= 2);
        Assert.All(messages, m => Assert.True(SmsSegments.Count(m.Text!).Segments <= 3, m.Text));
        Assert.Equal(sentences, string.Join(' ', messages.Select(m => m.Text)));
    }

    [Fact]
    public void Render_UnicodeTextPastTheBudget_CountedInUcs2Segments()
    {
        var cyrillic = string.Join(' ', Enumerable.Range(1, 30).Select(_ => "Ваш заказ отправлен."));

        var message = Assert.Single(Render(Reply(cyrillic) with { FullTextUrl = Article }).Messages);

        var cost = SmsSegments.Count(message.Text!);
        Assert.Equal(SmsEncoding.Ucs2, cost.Encoding);
        Assert.True(cost.Segments <= 3);
        Assert.EndsWith("More: https://help.shop.test/returns", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShortReplyWithChoices_NumberedOptionsThatMapBack()
    {
        Choice[] choices = [new("track", "Track an order"), new("return", "Start a return")];

        var rendered = Render(Reply("What do you need?") with { Choices = choices });

        Assert.Equal("What do you need?\n\n1. Track an order\n2. Start a return", Assert.Single(rendered.Messages).Text);
        Assert.Same(choices[1], ChoiceMatcher.MatchWhole("2", rendered.OfferedChoices!.Choices, rendered.OfferedChoices.Numbered));
        Assert.Same(choices[0], ChoiceMatcher.MatchWhole(" 1 ", rendered.OfferedChoices.Choices, rendered.OfferedChoices.Numbered));
        Assert.Same(choices[1], ChoiceMatcher.MatchWhole("start a return", rendered.OfferedChoices.Choices, rendered.OfferedChoices.Numbered));
        Assert.Null(ChoiceMatcher.MatchWhole("3", rendered.OfferedChoices.Choices, rendered.OfferedChoices.Numbered));
    }

    private static RenderedReply Render(BotMessage reply) => Renderer.Render(reply, ChannelProfiles.Sms.Capabilities);

    private static BotMessage Reply(string text) => new()
    {
        Id = "reply-1",
        Channel = ChannelId.Sms,
        Conversation = new ConversationAddress("bot", "+15550100001"),
        Text = text,
    };
}
