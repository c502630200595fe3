namespace Omnichannel.Bots.Knowledge.Tests.Cli;

/// <summary>The command line itself (System.CommandLine): help on every verb, and usage errors with exit code 2.</summary>
public sealed class OmnibotCommandTests
{
    public static TheoryData<string> Verbs() =>
    [
        "kb validate",
        "kb index",
        "kb search",
        "kb import-csv",
        "kb eval",
        "agents hash-password",
        "inbox parked list",
        "inbox parked retry",
        "inbox parked drop",
        "customers export",
        "customers erase",
        "embeddings convert",
        "metrics",
    ];

    [Theory]
    [MemberData(nameof(Verbs))]
    [InlineData("kb")]
    [InlineData("agents")]
    [InlineData("inbox parked")]
    [InlineData("customers")]
    [InlineData("embeddings")]
    public async Task Help_EveryVerb_ExitZeroWithItsUsageOnStdout(string verb)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Contains($"Usage:\n  omnibot {verb} ", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Help_Root_ListsEveryVerbGroup()
    {
        var (code, stdout, _) = await CliRun.RunAsync("-h");

        Assert.Equal(0, code);
        string[] groups = ["kb", "agents", "inbox", "customers", "embeddings", "metrics"];
        Assert.All(groups, g => Assert.Contains($"\n  {g} ", stdout, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task UnknownOption_EveryVerb_ExitTwoNamingItWithHelpOnStderr(string verb)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync([.. verb.Split(' '), "--bogus"]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var firstLine = stderr.Split('\n')[0];
        Assert.StartsWith($"omnibot {verb}: ", firstLine, StringComparison.Ordinal);
        Assert.Contains("'--bogus'", firstLine, StringComparison.Ordinal);
        Assert.Contains($"Usage:\n  omnibot {verb} ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kb validate", "Required argument missing for command: 'validate'.")]
    [InlineData("kb index", "Required argument missing for command: 'index'.")]
    [InlineData("kb search knowledge", "Required argument missing for command: 'search'.")]
    [InlineData("kb eval knowledge", "Required argument missing for command: 'eval'.")]
    [InlineData("kb import-csv x.csv --label-column l --out o", "Option '--text-column' is required.")]
    [InlineData("embeddings convert x.json", "Option '--out' is required.")]
    [InlineData("inbox parked drop", "Required argument missing for command: 'drop'.")]
    public async Task MissingRequired_Verb_ExitTwoWithSystemCommandLineMessage(string args, string message)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync(args.Split(' '));

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.EndsWith(": " + message, stderr.Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "omnibot: Required command was not provided.")]
    [InlineData("nope", "omnibot: Unrecognized command or argument 'nope'.")]
    [InlineData("kb nope", "omnibot kb: Unrecognized command or argument 'nope'.")]
    [InlineData("inbox parked drop abc", "omnibot inbox parked drop: Cannot parse argument 'abc' for command 'drop' as expected type 'System.Int64'.")]
    [InlineData("embeddings convert x.json --out t --words -3", "omnibot embeddings convert: --words must be a positive whole number, not '-3'")]
    public async Task BadUsage_RootGroupOrValue_ExitTwoFirstLineNamesTheProblem(string args, string expected)
    {
        var (code, _, stderr) = await CliRun.RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, code);
        Assert.Equal(expected, stderr.Split('\n')[0]);
    }

    [Fact]
    public async Task AtSign_Value_IsAValueNotAResponseFile()
    {
        var (code, _, stderr) = await CliRun.RunAsync("kb", "validate", "@no-such-folder");

        Assert.Equal(2, code);
        Assert.Equal("omnibot kb validate: folder '@no-such-folder' not found", stderr.Split('\n')[0]);
    }
}
