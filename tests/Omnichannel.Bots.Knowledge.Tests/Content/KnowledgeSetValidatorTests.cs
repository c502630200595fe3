namespace Omnichannel.Bots.Knowledge.Tests.Content;

public sealed class KnowledgeSetValidatorTests
{
    private static KnowledgeArticle Article(string file, string id, string body = "Answer.", string extra = "") =>
        Assert.Single(KnowledgeFileParser.Parse(file, Articles.Md(id, body: body, extra: extra)).Articles);

    private static IReadOnlyList<string> Validate(IReadOnlyList<KnowledgeArticle> articles, params string[] files) =>
        KnowledgeSetValidator.Validate(articles, files.ToHashSet()).Select(d => d.ToString()).ToList();

    [Fact]
    public void Validate_DuplicateIdsAcrossFiles_BothPlacesNamed()
    {
        var csv = KnowledgeFileParser.Parse("faq.csv", "question,answer,id\nq,a,returns\n").Articles;

        var lines = Validate([Article("returns.md", "returns"), Article("other/returns-2.md", "returns"), .. csv]);

        Assert.Equal(
            [
                "faq.csv:2: error: duplicate id 'returns': also used by other/returns-2.md:1, returns.md:1",
                "other/returns-2.md:1: error: duplicate id 'returns': also used by faq.csv:2, returns.md:1",
                "returns.md:1: error: duplicate id 'returns': also used by faq.csv:2, other/returns-2.md:1",
            ],
            lines);
    }

    [Fact]
    public void Validate_UnknownRelated_ErrorOnTheEntryLineWithSuggestion()
    {
        var lines = Validate([Article("a.md", "a", extra: "related:\n  - track-an-order\n  - a\n  - refundz\n"), Article("refunds.md", "refunds"), Article("t.md", "track-an-order")]);

        Assert.Equal(
            ["a.md:6: warning: the article lists itself as related ('a')", "a.md:7: error: related id 'refundz' does not exist (did you mean 'refunds'?)"],
            lines);
    }

    [Fact]
    public void Validate_BrokenLinks_MissingFileIsErrorMissingHeadingIsWarning()
    {
        var source = Article("help/a.md", "a", body: "See [b](b.md#steps), [c](c.md),\n[B](B.MD), [top](../top.md#nope) and [self](#details).\n\n## Details\nx");
        var target = Article("help/b.md", "b", body: "Lead.\n\n## Steps\nOne.\n\n## Short\nBrief.");
        var top = Article("top.md", "top");

        var lines = Validate([source, target, top], "help/a.md", "help/b.md", "top.md");

        Assert.Equal(
            [
                "help/a.md:5: error: broken link 'c.md': there is no file 'help/c.md' (did you mean 'help/b.md'?)",
                "help/a.md:6: error: broken link 'B.MD': there is no file 'help/B.MD' (did you mean 'help/b.md'?)",
                "help/a.md:6: warning: link '../top.md#nope': 'top.md' has no heading '#nope'",
            ],
            lines);
    }

    [Fact]
    public void Validate_FragmentToShortAndDuplicateHeadings_Resolve()
    {
        var source = Article("a.md", "a", body: "[s](b.md#short) [d](b.md#steps-1) [x](b.md#steps-2) [r](README.md#anything)");
        var target = Article("b.md", "b", body: "## Steps\n1\n## Steps\n2\n## Short\nBrief.");

        var lines = Validate([source, target], "a.md", "b.md", "README.md");

        Assert.Equal(["a.md:5: warning: link 'b.md#steps-2': 'b.md' has no heading '#steps-2' (headings: #short, #steps, #steps-1)"], lines);
    }

    [Fact]
    public void Validate_CleanSet_NoDiagnostics()
    {
        Assert.Empty(Validate([Article("a.md", "a", body: "[b](b.md)", extra: "related: [b]\n"), Article("b.md", "b")], "a.md", "b.md"));
    }
}
