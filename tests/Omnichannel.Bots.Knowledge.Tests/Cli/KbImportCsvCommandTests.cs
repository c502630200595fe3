using Omnichannel.Bots.Knowledge.Tests.Content;
using Omnichannel.Bots.TestSupport;

namespace Omnichannel.Bots.Knowledge.Tests.Cli;

public sealed class KbImportCsvCommandTests
{
    private static readonly string[] TrickyTexts =
    [
        "What's \"express\" shipping?",
        "price: how much?",
        "is #1 the best? # not a comment",
        "- starts with a dash",
        "  leading and trailing spaces  ",
        "null",
        "yes",
        "123",
        "[not, a, list]",
        "{not: a map}",
        "back\\slash and tab\there",
        "two\nlines",
        "Ünïcödé ✓ & *star* |pipe| >gt %pct @at `tick`",
        "ends with colon:",
        "'single quoted'",
    ];

    [Fact]
    public async Task ImportCsv_TrickyQuestions_RoundTripExactlyThroughTheReader()
    {
        using var work = new TempKnowledgeFolder();
        var csv = "text,category\n" + string.Concat(TrickyTexts.Select((t, i) => $"{Csv(t)},{(i % 2 == 0 ? "card_arrival" : "Top Up: Failed")}\n"));
        work.With("in.csv", csv);
        var output = Path.Combine(work.Path, "kb");

        var (code, stdout, stderr) = await CliRun.RunAsync("kb", "import-csv", Path.Combine(work.Path, "in.csv"), "--text-column", "text", "--label-column", "category", "--out", output);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Equal([$"wrote 2 files to {output}: 2 labels, 15 questions; 0 rows skipped", $"2 answers are placeholders: write them (omnibot kb validate {output} lists them)"], CliRun.Lines(stdout));
        var snapshot = await new KnowledgeFolderReader().ReadAsync(output, CancellationToken.None);
        Assert.False(snapshot.HasErrors, string.Join("\n", snapshot.Diagnostics));
        Assert.Equal(["card-arrival.md", "top-up-failed.md"], snapshot.Files.Select(f => f.Path));
        var card = snapshot.Articles.Single(a => a.Id == "card-arrival");
        var topUp = snapshot.Articles.Single(a => a.Id == "top-up-failed");
        Assert.Equal(("Card arrival", "Top Up: Failed"), (card.Title, topUp.Title));
        Assert.Equal(TrickyTexts.Where((_, i) => i % 2 == 0), card.Questions);
        Assert.Equal(TrickyTexts.Where((_, i) => i % 2 == 1), topUp.Questions);
        Assert.Equal(
            ["card-arrival.md:14: warning: answer is a placeholder written by kb import-csv: write the real answer", "top-up-failed.md:13: warning: answer is a placeholder written by kb import-csv: write the real answer"],
            snapshot.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task ImportCsv_PerLabelAndAnswerColumn_FirstNQuestionsAndFirstNonEmptyAnswer()
    {
        using var work = new TempKnowledgeFolder().With("in.csv", "q,label,reply\na1,A,\nb1,B,Bee answer.\na2,A,First A answer.\na3,A,Second A answer.\n,A,x\nb2,,x\n");
        var output = Path.Combine(work.Path, "out");

        var (code, stdout, _) = await CliRun.RunAsync("kb", "import-csv", Path.Combine(work.Path, "in.csv"), "--text-column", "q", "--label-column", "label", "--answer-column", "reply", "--per-label", "2", "--out", output);

        Assert.Equal(0, code);
        Assert.Equal([$"wrote 2 files to {output}: 2 labels, 3 questions; 2 rows skipped"], CliRun.Lines(stdout));
        var snapshot = await new KnowledgeFolderReader().ReadAsync(output, CancellationToken.None);
        Assert.Empty(snapshot.Diagnostics);
        Assert.Equal([("a", "First A answer.", new[] { "a1", "a2" }), ("b", "Bee answer.", new[] { "b1" })], snapshot.Articles.Select(a => (a.Id, a.Answer, a.Questions.ToArray())));
        var (validateCode, validateOut, _) = await CliRun.RunAsync("kb", "validate", output);
        Assert.Equal((0, "2 articles in 2 files: 0 errors, 0 warnings\n"), (validateCode, validateOut));
    }

    [Fact]
    public async Task ImportCsv_PlaceholderAnswers_KbValidateWarnsAndExitsZero()
    {
        using var work = new TempKnowledgeFolder().With("in.csv", "text,intent\nhello,greet\n");
        var output = Path.Combine(work.Path, "out");
        await CliRun.RunAsync("kb", "import-csv", Path.Combine(work.Path, "in.csv"), "--text-column", "text", "--label-column", "intent", "--out", output);

        var (code, stdout, _) = await CliRun.RunAsync("kb", "validate", output);

        Assert.Equal(0, code);
        Assert.Equal([$"{output}/greet.md:7: warning: answer is a placeholder written by kb import-csv: write the real answer", "1 articles in 1 files: 0 errors, 1 warnings"], CliRun.Lines(stdout));
    }

    [Fact]
    public async Task ImportCsv_NonEmptyOut_RefusedUnlessForce()
    {
        using var work = new TempKnowledgeFolder().With("in.csv", "text,intent\nhello,greet\n").With("out/keep.md", Articles.Md("keep"));
        var output = Path.Combine(work.Path, "out");
        string[] args = ["kb", "import-csv", Path.Combine(work.Path, "in.csv"), "--text-column", "text", "--label-column", "intent", "--out", output];

        var refused = await CliRun.RunAsync(args);
        var writtenWhenRefused = File.Exists(Path.Combine(output, "greet.md"));
        var forced = await CliRun.RunAsync([.. args, "--force"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith($"omnibot kb import-csv: --out '{output}' is not empty: choose a new or empty folder, or add --force to overwrite files with the same names\n", refused.Stderr, StringComparison.Ordinal);
        Assert.False(writtenWhenRefused);
        Assert.Equal(0, forced.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "greet.md")));
        Assert.True(File.Exists(Path.Combine(output, "keep.md")));
    }

    [Fact]
    public async Task ImportCsv_UnknownColumn_ExitTwoListingTheColumns()
    {
        using var work = new TempKnowledgeFolder().With("in.csv", "text,category\nhello,greet\n");
        var file = Path.Combine(work.Path, "in.csv");

        var (code, _, stderr) = await CliRun.RunAsync("kb", "import-csv", file, "--text-column", "text", "--label-column", "intent", "--out", Path.Combine(work.Path, "o"));

        Assert.Equal(2, code);
        Assert.StartsWith($"omnibot kb import-csv: --label-column: no column 'intent' in {file}; the columns are: text, category\n", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work.Path, "o")));
    }

    [Theory]
    [InlineData(new[] { "kb", "import-csv", "--text-column", "t", "--label-column", "l", "--out", "o" }, "Required argument missing for command: 'import-csv'.")]
    [InlineData(new[] { "kb", "import-csv", "x.csv", "--label-column", "l", "--out", "o" }, "Option '--text-column' is required.")]
    [InlineData(new[] { "kb", "import-csv", "x.csv", "--text-column", "t", "--label-column", "l" }, "Option '--out' is required.")]
    [InlineData(new[] { "kb", "import-csv", "/nonexistent/x.csv", "--text-column", "t", "--label-column", "l", "--out", "o" }, "file '/nonexistent/x.csv' not found")]
    [InlineData(new[] { "kb", "import-csv", "x.csv", "--text-column", "t", "--label-column", "l", "--out", "o", "--per-label", "0" }, "--per-label must be a whole number greater than 0, not '0'")]
    [InlineData(new[] { "kb", "import-csv", "x.csv", "--text-column" }, "Required argument missing for option: '--text-column'.")]
    [InlineData(new[] { "kb", "import-csv", "x.csv", "--bogus", "1" }, "Unrecognized command or argument '--bogus'.")]
    public async Task ImportCsv_BadUsage_ExitTwoWithMessageAndUsage(string[] args, string message)
    {
        var (code, _, stderr) = await CliRun.RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith($"omnibot kb import-csv: {message}\n", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  omnibot kb import-csv <FILE>", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCsv_MalformedCsv_ExitOneWithFileLine()
    {
        using var work = new TempKnowledgeFolder().With("in.csv", "text,category\nok,a\n\"open,a\n");
        var file = Path.Combine(work.Path, "in.csv");

        var (code, _, stderr) = await CliRun.RunAsync("kb", "import-csv", file, "--text-column", "text", "--label-column", "category", "--out", Path.Combine(work.Path, "o"));

        Assert.Equal(1, code);
        Assert.Equal($"{file}:3: error: a quoted field is not closed: add the closing '\"' (a quote inside a quoted field is written \"\")\n", stderr);
    }

    [Fact]
    public async Task ImportCsv_Banking77_SeventySevenFilesAndQuestionsRoundTrip()
    {
        var train = TestData.File("banking77", "train.csv");
        using var work = new TempKnowledgeFolder();
        var output = Path.Combine(work.Path, "banking77");

        var (code, stdout, stderr) = await CliRun.RunAsync("kb", "import-csv", train, "--text-column", "text", "--label-column", "category", "--out", output);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.StartsWith($"wrote 77 files to {output}: 77 labels, 10003 questions; 0 rows skipped\n", stdout, StringComparison.Ordinal);
        var expected = ReadLabelled(train);
        Assert.Equal(10003, expected.Values.Sum(q => q.Count));
        Assert.Contains("\nI can't seem to be able to use my card\n\n\n", expected["card_not_working"]);
        var snapshot = await new KnowledgeFolderReader().ReadAsync(output, CancellationToken.None);
        Assert.Equal(77, snapshot.Files.Count);
        Assert.Equal(0, snapshot.ErrorCount);
        Assert.Equal(77, snapshot.WarningCount);
        Assert.Equal(77, snapshot.Articles.Count);
        foreach (var (label, questions) in expected)
        {
            var article = snapshot.Articles.Single(a => a.Id == TextTools.Slug(label));
            Assert.Equal(questions, article.Questions);
        }
    }

    private static Dictionary<string, List<string>> ReadLabelled(string file)
    {
        // The same line-end normalisation as the importer (CRLF to LF, also inside quoted fields).
        var records = CsvRecordReader.Read(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal), out var error);
        Assert.Null(error);
        Assert.Equal(["text", "category"], records[0].Fields.Select(f => f.Value));
        var byLabel = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in records.Skip(1))
        {
            var label = row.Fields[1].Value;
            if (!byLabel.TryGetValue(label, out var list))
            {
                byLabel[label] = list = [];
            }

            list.Add(row.Fields[0].Value);
        }

        return byLabel;
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
