using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// The <c>omnibot</c> command line: one System.CommandLine root built here from one command per verb group
/// (<see cref="KbCommand"/>, <see cref="AgentsCommand"/>, <see cref="InboxCommand"/>, <see cref="CustomersCommand"/>, <see cref="EmbeddingsCommand"/>,
/// <see cref="MetricsCommand"/>).
/// Exit codes: 0 success, 1 the command ran and found problems, 2 bad usage (stderr says <c>omnibot VERB: message</c>,
/// then the verb's help). <c>--help</c> (<c>-h</c>, <c>-?</c>) prints any verb's help to stdout and exits 0.
/// </summary>
public static class OmnibotCommand
{
    // "@file" is an ordinary value (a question may start with '@'), not a response file.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, PasswordInput.Console, stdout, stderr, cancellationToken);

    /// <summary>As <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/> with the given stdin (tests).</summary>
    internal static async Task<int> RunAsync(string[] args, PasswordInput stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Create(new CliConsole(stdout, stderr, stdin));
        var parsed = root.Parse(args, Parsing);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            return await UsageErrorAsync(parsed.CommandResult.Command, MostTelling(parsed), stderr).ConfigureAwait(false);
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The root command with every verb group.</summary>
    internal static Command Create(CliConsole console) =>
        new("omnibot", "The command-line tool for knowledge editors and operators.")
        {
            KbCommand.Create(console),
            AgentsCommand.Create(console),
            InboxCommand.Create(console),
            CustomersCommand.Create(console),
            EmbeddingsCommand.Create(console),
            MetricsCommand.Create(console),
            new HelpOption(),
        };

    /// <summary>
    /// The error that explains the others: one naming an unknown option (it may have been taken as a positional value,
    /// leaving the next word unmatched), then one naming an unknown word (a misspelled verb also leaves its group
    /// without a verb), then the first.
    /// </summary>
    private static string MostTelling(ParseResult parsed)
    {
        var errors = parsed.Errors.Select(e => e.Message).ToList();
        var optionLike = parsed.Tokens.Where(t => t.Type == TokenType.Argument && t.Value.StartsWith('-')).Select(t => t.Value).ToList();
        return errors.FirstOrDefault(m => optionLike.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal)))
            ?? errors.FirstOrDefault(m => parsed.UnmatchedTokens.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal)))
            ?? errors[0];
    }

    /// <summary>Prints <c>omnibot VERB: message</c> and the verb's help to <paramref name="stderr"/>; returns 2.</summary>
    internal static async Task<int> UsageErrorAsync(Command command, string message, TextWriter stderr)
    {
        var path = new List<string>();
        var root = command;
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, c.Name);
            root = c;
        }

        var verb = string.Join(' ', path.Skip(1));
        await stderr.WriteLineAsync(verb.Length == 0 ? $"omnibot: {message}" : $"omnibot {verb}: {message}").ConfigureAwait(false);
        await stderr.WriteLineAsync().ConfigureAwait(false);
        var help = root.Parse([.. path.Skip(1), "--help"], Parsing);
        await help.InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr }).ConfigureAwait(false);
        return 2;
    }
}
