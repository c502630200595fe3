using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Omnichannel.Bots.Knowledge.Tests.Content;

public sealed class KnowledgeFolderReaderTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReadAsync_Folder_ReadsRecursivelyAndSkipsIgnoredFiles()
    {
        using var folder = new TempKnowledgeFolder()
            .With("shipping.md", Articles.Md("shipping", body: "See [returns](returns/policy.md)."))
            .With("returns/policy.md", Articles.Md("returns-policy"))
            .With("faq.csv", "question,answer\nDo you ship abroad?,Yes.\n")
            .With("more/faq.yml", "- question: Is it open?\n  answer: Yes.\n")
            .With("README.md", "# Not an article")
            .With("returns/README.md", Articles.Md("returns-readme"))
            .With("_draft.md", "broken")
            .With(".hidden.md", "broken")
            .With("_drafts/x.md", "broken")
            .With(".git/y.md", "broken")
            .With("bin/z.md", "broken")
            .With("obj/z.md", "broken")
            .With("notes.txt", "not knowledge");

        var snapshot = await new KnowledgeFolderReader().ReadAsync(folder.Path, CancellationToken.None);

        Assert.Empty(snapshot.Diagnostics);
        Assert.False(snapshot.HasErrors);
        Assert.Equal(["faq.csv", "more/faq.yml", "returns/README.md", "returns/policy.md", "shipping.md"], snapshot.Files.Select(f => f.Path));
        Assert.Equal(["do-you-ship-abroad", "is-it-open", "returns-readme", "returns-policy", "shipping"], snapshot.Articles.Select(a => a.Id));
        Assert.Contains("README.md", snapshot.ExistingFiles);
        Assert.Contains("notes.txt", snapshot.ExistingFiles);
        Assert.DoesNotContain(".git/y.md", snapshot.ExistingFiles);
        Assert.All(snapshot.Files, f => Assert.Equal(64, f.ContentHash.Length));
    }

    [Fact]
    public async Task ReadAsync_ErrorsInOneFile_OtherFilesServedAndCrossFileErrorsIncluded()
    {
        using var folder = new TempKnowledgeFolder()
            .With("good.md", Articles.Md("good"))
            .With("bad.md", "---\nid: bad\ntitle: [\n---\nBody.\n")
            .With("links.md", Articles.Md("links", body: "See [gone](gone.md).", extra: "related: [good, nope]\n"))
            .With("warn.md", Articles.Md("warn", extra: "tag: [x]\n"));

        var snapshot = await new KnowledgeFolderReader().ReadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(
            [
                "bad.md:3: error: invalid YAML: while parsing a node, did not find expected node content.",
                "links.md:4: error: related id 'nope' does not exist",
                "links.md:6: error: broken link 'gone.md': there is no file 'gone.md' (did you mean 'good.md'?)",
                "warn.md:4: warning: unknown key 'tag' (did you mean 'tags'?)",
            ],
            snapshot.Diagnostics.Select(d => d.ToString()));
        Assert.True(snapshot.HasErrors);
        Assert.Equal((3, 1), (snapshot.ErrorCount, snapshot.WarningCount));
        Assert.Equal(["good", "warn"], snapshot.Articles.Select(a => a.Id));
        Assert.True(snapshot.Files.Single(f => f.Path == "bad.md").HasErrors);
        Assert.False(snapshot.Files.Single(f => f.Path == "links.md").HasErrors);
    }

    [Fact]
    public async Task ReadAsync_MissingFolder_OneDiagnosticNoException()
    {
        var missing = Path.Combine(Path.GetTempPath(), "kb-missing-" + Guid.NewGuid().ToString("N"));

        var snapshot = await new KnowledgeFolderReader().ReadAsync(missing, CancellationToken.None);

        Assert.Equal([$"{missing}: error: knowledge folder '{missing}' not found"], snapshot.Diagnostics.Select(d => d.ToString()));
        Assert.True(snapshot.HasErrors);
        Assert.Empty(snapshot.Files);
    }

    [Fact]
    public async Task ReadAsync_PathIsAFile_OneDiagnostic()
    {
        using var folder = new TempKnowledgeFolder().With("a.md", Articles.Md("a"));
        var file = Path.Combine(folder.Path, "a.md");

        var snapshot = await new KnowledgeFolderReader().ReadAsync(file, CancellationToken.None);

        Assert.Equal([$"{file}: error: '{file}' is a file, not a knowledge folder"], snapshot.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task ReadFileAsync_ChangedFile_ReparsedAndMergedSnapshotRevalidated()
    {
        using var folder = new TempKnowledgeFolder().With("a.md", Articles.Md("a", extra: "related: [b]\n")).With("b.md", Articles.Md("b"));
        var reader = new KnowledgeFolderReader();
        var before = await reader.ReadAsync(folder.Path, CancellationToken.None);
        folder.With("b.md", Articles.Md("b-renamed"));

        var changed = await KnowledgeFolderReader.ReadFileAsync(folder.Path, "b.md", CancellationToken.None);
        var merged = KnowledgeFolderSnapshot.Create(before.Files.Where(f => f.Path != "b.md").Append(changed), before.ExistingFiles);

        Assert.Empty(before.Diagnostics);
        Assert.NotEqual(before.Files.Single(f => f.Path == "b.md").ContentHash, changed.ContentHash);
        Assert.Equal(["a.md:4: error: related id 'b' does not exist"], merged.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(["b-renamed"], merged.Articles.Select(a => a.Id));
    }

    [Fact]
    public async Task ReadFileAsync_Unreadable_DiagnosticNotException()
    {
        using var folder = new TempKnowledgeFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "dir.md"));

        var file = await KnowledgeFolderReader.ReadFileAsync(folder.Path, "dir.md", CancellationToken.None);

        var diagnostic = Assert.Single(file.Diagnostics);
        Assert.StartsWith("dir.md: error: cannot read the file: ", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md", true)]
    [InlineData("sub/README.md", false)]
    [InlineData("_draft.md", true)]
    [InlineData("sub/.x.md", true)]
    [InlineData("_drafts/a.md", true)]
    [InlineData("obj/a.md", true)]
    [InlineData("bin/a.md", true)]
    [InlineData("shipping/bin.md", false)]
    [InlineData("shipping/times.md", false)]
    public void IsIgnored_Paths_AsSpecified(string path, bool ignored)
    {
        Assert.Equal(ignored, KnowledgeFolderReader.IsIgnored(path));
    }

    [Fact]
    public async Task ReadAsync_OneThousandArticles_AllReadAndTimePrinted()
    {
        using var folder = new TempKnowledgeFolder();
        for (var i = 0; i < 1000; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"article-{i:D4}");
            var related = string.Create(CultureInfo.InvariantCulture, $"article-{(i + 1) % 1000:D4}");
            var body = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"Answer {i} with **bold** text and a [link]({related}.md).\n\n")
                .Append("## Details\nSome more detail about the topic, two or three sentences long. Another sentence.\n\n")
                .Append("## Short\nA short answer for SMS.\n")
                .ToString();
            folder.With(
                $"topic-{i % 10}/{id}.md",
                Articles.Md(id, $"Title {i}", body.Replace($"]({related}.md)", $"](../topic-{(i + 1) % 10}/{related}.md)", StringComparison.Ordinal), $"tags: [t{i % 7}]\nquestions:\n  - How do I {i}?\n  - What about {i}?\n  - Can I {i}?\nrelated: [{related}]\n"));
        }

        var reader = new KnowledgeFolderReader();
        await reader.ReadAsync(folder.Path, CancellationToken.None);
        var times = new List<double>();
        KnowledgeFolderSnapshot? snapshot = null;
        for (var run = 0; run < 9; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            snapshot = await reader.ReadAsync(folder.Path, CancellationToken.None);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        Assert.Empty(snapshot!.Diagnostics);
        Assert.Equal(1000, snapshot.Articles.Count);
        var line = string.Create(CultureInfo.InvariantCulture, $"read 1,000 articles: median {times.Order().ElementAt(4):F1} ms, best {times.Min():F1} ms (runs: {string.Join(", ", times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))})");
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
