namespace Omnichannel.Bots.Knowledge.Tests.Content;

/// <summary>The CSV reader under the FAQ files and <c>omnibot kb import-csv</c>: values, and the line of every record and field.</summary>
public sealed class CsvRecordReaderTests
{
    public static TheoryData<string, string, string> Records => new()
    {
        // Input; expected records as "line: field@line | field@line", one per record, joined by " / ".
        { "plain", "a,b\nc,d\n", "1: a@1 | b@1 / 2: c@2 | d@2" },
        { "quoted comma and doubled quote", "q,\"x, \"\"y\"\"\"\n", "1: q@1 | x, \"y\"@1" },
        { "embedded newline moves the next field's line", "\"one\ntwo\",after\nnext,row\n", "1: one\ntwo@1 | after@2 / 3: next@3 | row@3" },
        { "CRLF line ends", "a,b\r\nc,d\r\n", "1: a@1 | b@1 / 2: c@2 | d@2" },
        { "byte order mark", "\uFEFFquestion,answer\nq,a\n", "1: question@1 | answer@1 / 2: q@2 | a@2" },
        { "blank and space-only lines skipped", "a,b\n\n   \nc,d\n", "1: a@1 | b@1 / 4: c@4 | d@4" },
        { "spaces around a quoted field dropped", "a, \"b\" ,c\n", "1: a@1 | b@1 | c@1" },
        { "empty fields and a missing last line end", "a,,\n,b,", "1: a@1 | @1 | @1 / 2: @2 | b@2 | @2" },
        { "a quote inside an unquoted field is text", "5\" screen,ok\n", "1: 5\" screen@1 | ok@1" },
        { "semicolons are not separators", "question;answer\n", "1: question;answer@1" },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Read_WellFormed_ValuesAndLines(string name, string csv, string expected)
    {
        var records = CsvRecordReader.Read(csv, out var error);

        Assert.True(error is null, $"{name}: {error}");
        Assert.Equal(expected, string.Join(" / ", records.Select(r => $"{r.Line}: {string.Join(" | ", r.Fields.Select(f => $"{f.Value}@{f.Line}"))}")));
    }

    public static TheoryData<string, int, string> Malformed => new()
    {
        { "a,b\nc,\"never\nclosed\n", 2, "a quoted field is not closed" },
        { "a,b\n\"q\"x,d\n", 2, "unexpected 'x' after the closing quote" },
        { "a,\"multi\nline\" y,b\n", 2, "unexpected 'y' after the closing quote" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_Malformed_FirstErrorWithItsLine(string csv, int line, string message)
    {
        CsvRecordReader.Read(csv, out var error);

        Assert.NotNull(error);
        Assert.Equal(line, error.Value.Line);
        Assert.Contains(message, error.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseCsv_HeaderWithoutRequiredColumns_ReportsTheHeaderLineAfterBlankLines()
    {
        var file = KnowledgeFileParser.Parse("faq.csv", "\n\nquestion,title\nq,t\n");

        Assert.Equal(["faq.csv:3: error: missing column 'answer': the header has question, title"], Articles.Lines(file));
    }

    [Fact]
    public void ParseCsv_ByteOrderMarkAndCrlf_ReadsTheArticle()
    {
        var file = KnowledgeFileParser.Parse("faq.csv", "\uFEFFquestion,answer\r\n\"Do you ship\r\nabroad?\",Yes.\r\n");

        var article = Assert.Single(file.Articles);
        Assert.Empty(file.Diagnostics);
        Assert.Equal(2, article.Source.Line);
    }
}
