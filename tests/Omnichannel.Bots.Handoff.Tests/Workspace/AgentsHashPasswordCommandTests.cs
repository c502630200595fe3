using Omnichannel.Bots.Cli;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

public sealed class AgentsHashPasswordCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HashPassword_PipedLine_PrintsAVerifiableHash(bool passwordStdinOption)
    {
        string[] options = passwordStdinOption ? ["--password-stdin"] : [];
        var (code, stdout, stderr) = await RunAsync(new PasswordInput(new StringReader("s3cret passphrase\r\nignored\n"), isTerminal: false), options);

        Assert.Equal(0, code);
        var hash = stdout.Trim();
        Assert.StartsWith("pbkdf2-sha256$210000$", hash, StringComparison.Ordinal);
        Assert.True(AgentPasswordHasher.Verify("s3cret passphrase", hash));
        Assert.Contains("Agents:Accounts:N:PasswordHash", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashPassword_Terminal_AsksTwiceWithoutEcho()
    {
        var typed = new Queue<string?>(["typed passphrase", "typed passphrase"]);
        var input = new PasswordInput(TextReader.Null, isTerminal: true, () => typed.Dequeue());

        var (code, stdout, stderr) = await RunAsync(input);

        Assert.Equal(0, code);
        Assert.True(AgentPasswordHasher.Verify("typed passphrase", stdout.Trim()));
        Assert.Contains("Password: ", stderr, StringComparison.Ordinal);
        Assert.Contains("Repeat the password: ", stderr, StringComparison.Ordinal);
        Assert.Empty(typed);
    }

    [Fact]
    public async Task HashPassword_TerminalEntriesDiffer_Exit1NothingPrinted()
    {
        var typed = new Queue<string?>(["typed passphrase", "typo passphrase"]);

        var (code, stdout, stderr) = await RunAsync(new PasswordInput(TextReader.Null, isTerminal: true, () => typed.Dequeue()));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("differ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "stdin ended")]
    [InlineData("\n", "empty")]
    [InlineData("short\n", "at least 8")]
    public async Task HashPassword_NoUsablePassword_Exit1(string stdin, string expected)
    {
        var (code, stdout, stderr) = await RunAsync(new PasswordInput(new StringReader(stdin), isTerminal: false));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hunter2-password", "not taken as an argument")]
    [InlineData("--password", "Unrecognized command or argument '--password'.")]
    public async Task HashPassword_PasswordAsArgument_RefusedWithUsage(string argument, string expected)
    {
        var (code, stdout, stderr) = await RunAsync(new PasswordInput(new StringReader("s3cret passphrase\n"), isTerminal: false), argument);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Contains("omnibot agents hash-password [options]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_ListsTheAgentsVerb()
    {
        var (code, stdout, _) = await RunAsync(new PasswordInput(TextReader.Null, isTerminal: false), "--help-all");
        var (helpCode, help, _) = await RunWithArgsAsync(["--help"]);
        var (agentsCode, agentsHelp, _) = await RunWithArgsAsync(["agents", "--help"]);

        Assert.Equal(2, code); // unknown option of the verb
        Assert.Empty(stdout);
        Assert.Equal((0, 0), (helpCode, agentsCode));
        Assert.Contains("agents ", help, StringComparison.Ordinal);
        Assert.Contains("hash-password", agentsHelp, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Stdout, string Stderr)> RunAsync(PasswordInput input, params string[] options) =>
        RunWithArgsAsync(["agents", "hash-password", .. options], input);

    private static async Task<(int Code, string Stdout, string Stderr)> RunWithArgsAsync(string[] args, PasswordInput? input = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await OmnibotCommand.RunAsync(args, input ?? new PasswordInput(TextReader.Null, isTerminal: false), stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
