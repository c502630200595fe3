using Omnichannel.Bots.Knowledge.Tests.Content;

namespace Omnichannel.Bots.Knowledge.Tests.Cli;

public sealed class KbValidateCommandTests
{
    [Fact]
    public async Task Validate_CleanFolder_ExitZeroWithSummary()
    {
        using var folder = new TempKnowledgeFolder().With("a.md", Articles.Md("a")).With("faq.csv", "question,answer\nq1,a1\nq2,a2\n");

        var (code, stdout, stderr) = await CliRun.RunAsync("kb", "validate", folder.Path);

        Assert.Equal(0, code);
        Assert.Equal(["3 articles in 2 files: 0 errors, 0 warnings"], CliRun.Lines(stdout));
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Validate_WarningsOnly_ExitZeroAndWarningsPrinted()
    {
        using var folder = new TempKnowledgeFolder().With("a.md", Articles.Md("a", extra: "tag: [x]\n"));

        var (code, stdout, _) = await CliRun.RunAsync("kb", "validate", folder.Path + "/");

        Assert.Equal(0, code);
        Assert.Equal([$"{folder.Path}/a.md:4: warning: unknown key 'tag' (did you mean 'tags'?)", "1 articles in 1 files: 0 errors, 1 warnings"], CliRun.Lines(stdout));
    }

    [Fact]
    public async Task Validate_Errors_ExitOneWithFileLineMessages()
    {
        using var folder = new TempKnowledgeFolder()
            .With("a.md", Articles.Md("a", body: "See [b](sub/b.md)."))
            .With("sub/b.md", Articles.Md("a"))
            .With("c.md", "no front matter");

        var (code, stdout, _) = await CliRun.RunAsync("kb", "validate", folder.Path);

        Assert.Equal(1, code);
        Assert.Equal(
            [
                $"{folder.Path}/a.md:1: error: duplicate id 'a': also used by sub/b.md:1",
                $"{folder.Path}/c.md:1: error: missing front matter: the file must start with a '---' line, then 'id:' and 'title:' lines, then '---'",
                $"{folder.Path}/sub/b.md:1: error: duplicate id 'a': also used by a.md:1",
                "2 articles in 3 files: 3 errors, 0 warnings",
            ],
            CliRun.Lines(stdout));
    }

    [Theory]
    [InlineData(new[] { "kb", "validate" }, "omnibot kb validate: Required argument missing for command: 'validate'.")]
    [InlineData(new[] { "kb", "validate", "/nonexistent/kb-folder" }, "omnibot kb validate: folder '/nonexistent/kb-folder' not found")]
    [InlineData(new[] { "kb", "validate", "a", "b" }, "omnibot kb validate: Unrecognized command or argument 'b'.")]
    [InlineData(new[] { "kb", "validate", "--json", "a" }, "omnibot kb validate: Unrecognized command or argument '--json'.")]
    public async Task Validate_BadUsage_ExitTwoWithMessageAndUsage(string[] args, string message)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith(message + "\n", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  omnibot kb validate <DIR>", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Help_ExitZero()
    {
        var (code, stdout, _) = await CliRun.RunAsync("kb", "validate", "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:\n  omnibot kb validate <DIR>", stdout, StringComparison.Ordinal);
    }
}
