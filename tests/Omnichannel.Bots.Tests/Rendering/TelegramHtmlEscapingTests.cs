using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Tests.Rendering;

/// <summary>
/// Hostile text (a customer's words quoted back, knowledge content) rendered for Telegram's HTML parse mode: the output
/// is always markup Telegram accepts (only its tags, balanced; every '&lt;', '&gt;' and '&amp;' outside a tag escaped;
/// hrefs quoted and absolute), and what the customer sees is the text as written.
/// </summary>
public sealed partial class TelegramHtmlEscapingTests
{
    private static readonly ReplyRenderer Renderer = new();

    public static TheoryData<string, string, string> Table => new()
    {
        // markdown, expected html, what the customer reads
        { "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>" },
        { "Tom & Jerry &amp; &#x41; &lt;b&gt;", "Tom &amp; Jerry &amp;amp; &amp;#x41; &amp;lt;b&amp;gt;", "Tom & Jerry &amp; &#x41; &lt;b&gt;" },
        { "**bold </b><i>not italic** after", "<b>bold &lt;/b&gt;&lt;i&gt;not italic</b> after", "bold </b><i>not italic after" },
        { "`</code><b>x</b>`", "<code>&lt;/code&gt;&lt;b&gt;x&lt;/b&gt;</code>", "</code><b>x</b>" },
        { "[click](https://x.test/?q=\"><b>)", "<a href=\"https://x.test/?q=&quot;&gt;&lt;b&gt;\">click</a>", "click" },
        { "[a \"quoted\" <title>](https://x.test/a&b)", "<a href=\"https://x.test/a&amp;b\">a \"quoted\" &lt;title&gt;</a>", "a \"quoted\" <title>" },
        { "<https://x.test/?a=1&b=\"2\">", "<a href=\"https://x.test/?a=1&amp;b=&quot;2&quot;\">https://x.test/?a=1&amp;b=\"2\"</a>", "https://x.test/?a=1&b=\"2\"" },
        { "[returns](/help/returns)", "returns (/help/returns)", "returns (/help/returns)" },
        { "[run](javascript:alert(1))", "run (javascript:alert(1))", "run (javascript:alert(1))" },
        { "<mailto:help@shop.test>", "mailto:help@shop.test", "mailto:help@shop.test" },
        { "[me](tg://user?id=42)", "<a href=\"tg://user?id=42\">me</a>", "me" },
        { "a < b > c \" d ' e", "a &lt; b &gt; c \" d ' e", "a < b > c \" d ' e" },
        { "# Title with <tag> & **bold**", "<b>Title with &lt;tag&gt; &amp; bold</b>", "Title with <tag> & bold" },
        { "_x_ \\<b\\> \\& \\*", "<i>x</i> &lt;b&gt; &amp; *", "x <b> & *" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Render_HostileText_IsEscapedAndReadsAsWritten(string markdown, string html, string shown)
    {
        var rendered = Assert.Single(Renderer.Render(Reply(markdown), ChannelProfiles.Telegram.Capabilities).Messages).Text!;

        Assert.Equal(html, rendered);
        Assert.Null(TelegramHtmlProblem(rendered));
        Assert.Equal(shown, Visible(rendered));
    }

    [Fact]
    public void Render_HostileChoiceTitlesAndAttachmentNames_AreEscapedLiterals()
    {
        var reply = Reply("Pick one") with
        {
            Choices = [new Choice("v1", "<b>one</b> & \"two\""), new Choice("v2", new string('x', 60) + "&lt;")],
            Attachments = [new Attachment("audio/mpeg", new Uri("https://x.test/a?b=1&c=\"2\""), "</i>song & <dance>")],
        };
        var capabilities = ChannelProfiles.Telegram.Capabilities with { Media = MediaKinds.Image };

        var text = Assert.Single(Renderer.Render(reply, capabilities).Messages).Text!;

        Assert.Null(TelegramHtmlProblem(text));
        Assert.Contains("1. <b>one</b> & \"two\"", Visible(text), StringComparison.Ordinal);
        Assert.Contains("2. " + new string('x', 60) + "&lt;", Visible(text), StringComparison.Ordinal);
        Assert.Contains("</i>song & <dance>: https://x.test/a?b=1&c=%222%22", Visible(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fish & chips <{0}> **bold & <b>** [link & <x>](https://x.test/?a=1&b={0}) `a<b` ")]
    [InlineData("&&&&&&&&&&<<<<<<>>>>>{0} ")]
    [InlineData("**{0} & <b>bold</b> that runs on and on** ")]
    public void Render_LongHostileText_EveryPartIsValidHtmlWithinTheLimit(string unit)
    {
        var markdown = string.Concat(Enumerable.Range(1, 400).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, i)));
        var capabilities = ChannelProfiles.Telegram.Capabilities;

        var parts = Renderer.Render(Reply(markdown), capabilities).Messages.Select(m => m.Text!).ToList();

        Assert.True(parts.Count > 1);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, capabilities.MaxTextLength));
        Assert.All(parts, part => Assert.Null(TelegramHtmlProblem(part)));
        Assert.Equal(Squash(Visible(MarkupConverter.Convert(markdown, TextMarkup.TelegramHtml))), Squash(string.Concat(parts.Select(Visible))));
    }

    [Theory]
    [InlineData("<b>x</i>")]
    [InlineData("a & b")]
    [InlineData("<a href=x>y</a>")]
    [InlineData("<b>open")]
    [InlineData("a > b")]
    [InlineData("&bogus;")]
    public void TelegramHtmlProblem_BrokenMarkup_IsFound(string html) => Assert.NotNull(TelegramHtmlProblem(html));

    private static BotMessage Reply(string text) => new()
    {
        Id = "reply-1",
        Channel = ChannelId.Telegram,
        Conversation = new ConversationAddress("bot", "42"),
        Text = text,
    };

    /// <summary>What Telegram shows: the tags taken out, the entities decoded.</summary>
    private static string Visible(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, string.Empty));

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Why Telegram would refuse <paramref name="html"/> in HTML parse mode (Bot API, "HTML style"), or null: only
    /// b, i, s, code and a href="absolute URL", properly nested; '&lt;', '&gt;' and '&amp;' only in tags and the
    /// entities &amp;lt; &amp;gt; &amp;amp; &amp;quot;.
    /// </summary>
    private static string? TelegramHtmlProblem(string html)
    {
        var open = new Stack<string>();
        for (var i = 0; i < html.Length;)
        {
            switch (html[i])
            {
                case '<':
                    var tag = TagPattern().Match(html, i);
                    if (!tag.Success || tag.Index != i)
                    {
                        return $"'<' at {i} starts no tag";
                    }

                    if (tag.Groups["close"].Success)
                    {
                        if (open.Count == 0 || open.Pop() != tag.Groups["name"].Value)
                        {
                            return $"</{tag.Groups["name"].Value}> at {i} closes nothing open";
                        }
                    }
                    else
                    {
                        if (tag.Groups["href"].Success && !Uri.TryCreate(WebUtility.HtmlDecode(tag.Groups["href"].Value), UriKind.Absolute, out _))
                        {
                            return $"href at {i} is not absolute";
                        }

                        open.Push(tag.Groups["name"].Value);
                    }

                    i += tag.Length;
                    break;
                case '&':
                    var entity = EntityPattern().Match(html, i);
                    if (!entity.Success || entity.Index != i)
                    {
                        return $"'&' at {i} starts no entity";
                    }

                    i += entity.Length;
                    break;
                case '>':
                    return $"'>' at {i} outside a tag";
                default:
                    i++;
                    break;
            }
        }

        return open.Count == 0 ? null : $"<{open.Peek()}> is never closed";
    }

    [GeneratedRegex("<(?:(?<close>/)(?<name>b|i|s|code|a)|(?<name>b|i|s|code)|(?<name>a) href=\"(?<href>[^\"<>]*)\")>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("&(?:lt|gt|amp|quot);")]
    private static partial Regex EntityPattern();
}
