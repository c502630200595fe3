using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Tests.Rendering;

public sealed class MarkupConverterTests
{
    [Theory]
    [InlineData("**bold**", "bold")]
    [InlineData("__bold__", "bold")]
    [InlineData("*italic*", "italic")]
    [InlineData("_italic_", "italic")]
    [InlineData("~~strike~~", "strike")]
    [InlineData("***both***", "both")]
    [InlineData("**bold *and italic***", "bold and italic")]
    [InlineData("*a **b** c*", "a b c")]
    [InlineData("Run `rm *.tmp* now` please", "Run rm *.tmp* now please")]
    [InlineData("[Track your order](https://shop.test/track)", "Track your order (https://shop.test/track)")]
    [InlineData("[https://shop.test](https://shop.test)", "https://shop.test")]
    [InlineData("[**Track**](https://shop.test/t \"title\")", "Track (https://shop.test/t)")]
    [InlineData("![Logo](https://shop.test/logo.png)", "Logo (https://shop.test/logo.png)")]
    [InlineData("Go to <https://shop.test/help>", "Go to https://shop.test/help")]
    [InlineData("# Your order", "Your order")]
    [InlineData("## Returns ##", "Returns")]
    [InlineData("# C#", "C#")]
    [InlineData("#hashtag", "#hashtag")]
    [InlineData("- Shoes\n* Hats", "• Shoes\n• Hats")]
    [InlineData("  - nested", "  • nested")]
    [InlineData("-5 degrees", "-5 degrees")]
    [InlineData("2 * 3 * 4 = 24", "2 * 3 * 4 = 24")]
    [InlineData("use snake_case_words here", "use snake_case_words here")]
    [InlineData("see https://shop.test/a_b_c and https://shop.test/_x_", "see https://shop.test/a_b_c and https://shop.test/_x_")]
    [InlineData("_see https://shop.test/a_", "see https://shop.test/a")]
    [InlineData("**not closed", "**not closed")]
    [InlineData("** not bold**", "** not bold**")]
    [InlineData("\\*literal\\*", "*literal*")]
    [InlineData("A & B < C", "A & B < C")]
    [InlineData("one\r\ntwo", "one\ntwo")]
    public void Convert_ToPlain_RemovesMarkup(string markdown, string expected) =>
        Assert.Equal(expected, MarkupConverter.Convert(markdown, TextMarkup.Plain));

    [Theory]
    [InlineData("**bold**", "*bold*")]
    [InlineData("__bold__", "*bold*")]
    [InlineData("*italic*", "_italic_")]
    [InlineData("_italic_", "_italic_")]
    [InlineData("~~strike~~", "~strike~")]
    [InlineData("***both***", "*_both_*")]
    [InlineData("`code`", "```code```")]
    [InlineData("`**not bold**`", "```**not bold**```")]
    [InlineData("[Track](https://shop.test/t)", "Track (https://shop.test/t)")]
    [InlineData("[**Track**](https://shop.test/t)", "*Track* (https://shop.test/t)")]
    [InlineData("<https://shop.test>", "https://shop.test")]
    [InlineData("# Your order", "*Your order*")]
    [InlineData("# Your **order**", "*Your order*")]
    [InlineData("- Shoes", "• Shoes")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("snake_case_words", "snake_case_words")]
    [InlineData("https://shop.test/a_b_c", "https://shop.test/a_b_c")]
    [InlineData("~single tilde~", "~single tilde~")]
    public void Convert_ToWhatsApp_UsesWhatsAppMarkers(string markdown, string expected) =>
        Assert.Equal(expected, MarkupConverter.Convert(markdown, TextMarkup.WhatsApp));

    [Theory]
    [InlineData("**bold**", "<b>bold</b>")]
    [InlineData("__bold__", "<b>bold</b>")]
    [InlineData("*italic*", "<i>italic</i>")]
    [InlineData("_italic_", "<i>italic</i>")]
    [InlineData("~~strike~~", "<s>strike</s>")]
    [InlineData("**bold _and italic_**", "<b>bold <i>and italic</i></b>")]
    [InlineData("`a < b && c`", "<code>a &lt; b &amp;&amp; c</code>")]
    [InlineData("Fish & chips <now>", "Fish &amp; chips &lt;now&gt;")]
    [InlineData("[Track & trace](https://shop.test/t?a=1&b=\"2\")", "<a href=\"https://shop.test/t?a=1&amp;b=&quot;2&quot;\">Track &amp; trace</a>")]
    [InlineData("<https://shop.test/a?b=1&c=2>", "<a href=\"https://shop.test/a?b=1&amp;c=2\">https://shop.test/a?b=1&amp;c=2</a>")]
    [InlineData("# Orders & returns", "<b>Orders &amp; returns</b>")]
    [InlineData("# **Orders**", "<b>Orders</b>")]
    [InlineData("- Shoes", "• Shoes")]
    [InlineData("2 * 3 * 4 > 5", "2 * 3 * 4 &gt; 5")]
    [InlineData("snake_case_words", "snake_case_words")]
    [InlineData("https://shop.test/a_b_c?x=1&y=2", "https://shop.test/a_b_c?x=1&amp;y=2")]
    [InlineData("\\<b\\>", "&lt;b&gt;")]
    public void Convert_ToTelegramHtml_EscapesAndUsesTags(string markdown, string expected) =>
        Assert.Equal(expected, MarkupConverter.Convert(markdown, TextMarkup.TelegramHtml));

    [Theory]
    [InlineData("**bold** _it_ [a](https://shop.test)")]
    [InlineData("# Heading\r\n- item & <tag>")]
    public void Convert_ToMarkdown_ReturnsInputUnchanged(string markdown) =>
        Assert.Same(markdown, MarkupConverter.Convert(markdown, TextMarkup.Markdown));

    [Fact]
    public void Convert_MultiLineReply_ConvertsEachLine()
    {
        const string markdown = "# Order **#123**\n\nYour parcel is *on its way*.\n- Carrier: `DHL`\n- Track: <https://shop.test/t>";

        Assert.Equal(
            "Order #123\n\nYour parcel is on its way.\n• Carrier: DHL\n• Track: https://shop.test/t",
            MarkupConverter.Convert(markdown, TextMarkup.Plain));
        Assert.Equal(
            "*Order #123*\n\nYour parcel is _on its way_.\n• Carrier: ```DHL```\n• Track: https://shop.test/t",
            MarkupConverter.Convert(markdown, TextMarkup.WhatsApp));
        Assert.Equal(
            "<b>Order #123</b>\n\nYour parcel is <i>on its way</i>.\n• Carrier: <code>DHL</code>\n"
            + "• Track: <a href=\"https://shop.test/t\">https://shop.test/t</a>",
            MarkupConverter.Convert(markdown, TextMarkup.TelegramHtml));
    }

    [Fact]
    public void Convert_LineOfUnmatchedMarkers_IsFastAndLiteral()
    {
        var markdown = "`" + string.Concat(Enumerable.Repeat("*a _b [c ~~e ", 5000));

        var plain = MarkupConverter.Convert(markdown, TextMarkup.Plain);

        Assert.Equal(markdown, plain);
    }

    [Fact]
    public void Convert_UnknownMarkup_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MarkupConverter.Convert("text", (TextMarkup)42));
}
