using System.Text;

namespace Omnichannel.Bots.Knowledge.Tests.Content;

public sealed class MarkdownFormatTests
{
    private const string Full = """
        ---
        id: shipping-times                 # required
        title: How long does delivery take?
        locale: en-GB
        tags: [shipping, delivery]
        questions:
          - When will my order arrive?
          - "how long is shipping: really?"
        related: [track-an-order, returns]
        channels: [webchat]
        url: https://help.example/shipping-times
        ---
        Standard delivery takes **3-5 business days**. See [tracking](track-an-order.md).

        ## Processing time
        Orders ship in [one day](track-an-order.md#by-email).

        ### Weekends
        Not on Sundays.

        ## Short
        Standard delivery takes 3-5 business days.

        """;

    [Fact]
    public void Parse_FullArticle_ReadsEveryField()
    {
        var file = KnowledgeFileParser.Parse("shipping/times.md", Full);

        Assert.Empty(file.Diagnostics);
        var article = Assert.Single(file.Articles);
        Assert.Equal("shipping-times", article.Id);
        Assert.Equal("How long does delivery take?", article.Title);
        Assert.Equal("en-GB", article.Locale);
        Assert.Equal(["shipping", "delivery"], article.Tags);
        Assert.Equal(["When will my order arrive?", "how long is shipping: really?"], article.Questions);
        Assert.Equal(["track-an-order", "returns"], article.Related);
        Assert.Equal([9, 9], article.RelatedLines);
        Assert.Equal(["webchat"], article.Channels);
        Assert.Equal("https://help.example/shipping-times", article.Url);
        Assert.Equal(new KnowledgeSource("shipping/times.md", 1), article.Source);
        Assert.Equal("Standard delivery takes 3-5 business days.", article.ShortAnswer);
        Assert.DoesNotContain("Short", article.Answer, StringComparison.Ordinal);
        Assert.StartsWith("Standard delivery takes **3-5 business days**.", article.Answer, StringComparison.Ordinal);
        Assert.EndsWith("Not on Sundays.", article.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FullArticle_SectionsByHeadingWithFileLinesAndNoShort()
    {
        var article = Assert.Single(KnowledgeFileParser.Parse("times.md", Full).Articles);

        Assert.Equal([null, "Processing time", "Weekends"], article.Sections.Select(s => s.Heading));
        Assert.Equal([13, 15, 18], article.Sections.Select(s => s.Line));
        Assert.Equal("Orders ship in [one day](track-an-order.md#by-email).", article.Sections[1].Markdown);
    }

    [Fact]
    public void Parse_Links_ResolvedRelativeToTheFileWithLines()
    {
        var article = Assert.Single(KnowledgeFileParser.Parse("shipping/times.md", Full).Articles);

        Assert.Equal(
            [new KnowledgeLink("track-an-order.md", "shipping/track-an-order.md", null, 13), new KnowledgeLink("track-an-order.md#by-email", "shipping/track-an-order.md", "by-email", 16)],
            article.Links);
    }

    [Fact]
    public void Parse_ExternalAndImageLinks_AreNotInternalLinks()
    {
        var file = KnowledgeFileParser.Parse("a.md", Articles.Md("a", body: "[w](https://x.example/a.md) [m](mailto:a@b.c) ![i](pic.png) [p](guide.pdf) [root](/abs.md) [up](../b.md)"));

        Assert.Empty(Assert.Single(file.Articles).Links);
        Assert.Equal(["a.md:5: error: link '../b.md' points outside the knowledge folder"], Articles.Lines(file));
    }

    [Fact]
    public void Parse_CrlfAndBom_SameArticleAndLines()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Full.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        var file = KnowledgeFileParser.Parse("times.md", bytes);
        var plain = KnowledgeFileParser.Parse("times.md", Full);

        Assert.Empty(file.Diagnostics);
        var article = Assert.Single(file.Articles);
        Assert.Equal(plain.Articles[0].Answer, article.Answer);
        Assert.Equal(plain.Articles[0].Sections, article.Sections);
        Assert.Equal(plain.Articles[0].Links, article.Links);
    }

    [Fact]
    public void Parse_Bytes_ContentHashIsSha256OfTheBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Articles.Md("a"));

        var file = KnowledgeFileParser.Parse("a.md", bytes);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.ContentHash);
        Assert.Equal(file.ContentHash, KnowledgeFileParser.Parse("a.md", Articles.Md("a")).ContentHash);
    }

    [Theory]
    [InlineData("---\nid: a\ntitle: T\n...\nBody.\n")]
    [InlineData("---   \nid: a\ntitle: T\n---  \nBody.\n")]
    [InlineData("---\nid: a\ntitle: T\n---\nBody.")]
    [InlineData("---\n{id: a, title: T}\n---\nBody.\n")]
    [InlineData("---\nid: 'a'\ntitle: \"T\"\nlocale:\ntags:\n---\nBody.\n")]
    [InlineData("---\nid: a\ntitle: &t T\nquestions: [*t]\n---\nBody.\n")]
    public void Parse_FrontMatterVariants_OneArticle(string text)
    {
        var file = KnowledgeFileParser.Parse("a.md", text);

        Assert.Empty(file.Diagnostics);
        var article = Assert.Single(file.Articles);
        Assert.Equal(("a", "T", "en", "Body."), (article.Id, article.Title, article.Locale, article.Answer));
    }

    [Fact]
    public void Parse_NoShortSection_ShortAnswerNullAndAnswerIsBody()
    {
        var article = Assert.Single(KnowledgeFileParser.Parse("a.md", Articles.Md("a", body: "Line one.\n\n## Details\nMore.")).Articles);

        Assert.Null(article.ShortAnswer);
        Assert.Equal("Line one.\n\n## Details\nMore.", article.Answer);
    }

    [Fact]
    public void Parse_ShortInTheMiddle_AnswerKeepsTheSectionsAfterIt()
    {
        var article = Assert.Single(KnowledgeFileParser.Parse("a.md", Articles.Md("a", body: "Lead.\n\n## Short\nBrief.\n\n## After\nTail.")).Articles);

        Assert.Equal("Brief.", article.ShortAnswer);
        Assert.Equal([null, "After"], article.Sections.Select(s => s.Heading));
        Assert.Contains("Tail.", article.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Brief.", article.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BodyStartsWithHeading_NoLeadSection()
    {
        var article = Assert.Single(KnowledgeFileParser.Parse("a.md", Articles.Md("a", body: "# Setext\n\nText.\n\nSecond\n------\nMore.")).Articles);

        Assert.Equal(["Setext", "Second"], article.Sections.Select(s => s.Heading));
        Assert.Equal([5, 9], article.Sections.Select(s => s.Line));
    }
}
