namespace Omnichannel.Bots.Knowledge.Tests.Answers;

public sealed class MarkdownTablesTests
{
    [Fact]
    public void ToLists_Table_OneBulletPerRowWithTheHeaderNames()
    {
        const string markdown = "We ship with UPS.\n\n| Option | Cost | Delivery |\n|---|:---:|---|\n| Standard | $7.95, **free over $75** | 3-5 days |\n| Express | $14.95 | 1-2 days |\n\nThanks.";

        var lists = MarkdownTables.ToLists(markdown);

        Assert.Equal("We ship with UPS.\n\n- **Standard**: Cost $7.95, **free over $75**; Delivery 3-5 days\n- **Express**: Cost $14.95; Delivery 1-2 days\n\nThanks.", lists);
    }

    [Theory]
    [InlineData("No table | here, just a pipe.\nNext line.")]
    [InlineData("```\n| a | b |\n|---|---|\n| 1 | 2 |\n```")]
    [InlineData("Plain text without pipes.")]
    public void ToLists_NotATableOrInsideACodeFence_Unchanged(string markdown) =>
        Assert.Equal(markdown, MarkdownTables.ToLists(markdown));

    [Fact]
    public void ToLists_EscapedPipeEmptyCellsAndCrLf_KeptAsText()
    {
        const string markdown = "| Plan | Note |\r\n| --- | --- |\r\n| A \\| B | |\r\n| | only note |";

        var lists = MarkdownTables.ToLists(markdown);

        Assert.Equal("- **A | B**\n- Note only note", lists);
    }
}
