using System.Globalization;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot kb validate DIR</c>: reads the knowledge folder, prints every diagnostic as
/// <c>DIR/file:line: error|warning: message</c> and a summary line. Exit 0 clean or warnings only, 1 errors, 2 usage.
/// </summary>
internal static class KbValidateCommand
{
    public const string Usage = """
        usage: omnibot kb validate DIR
          Checks every knowledge file under DIR (.md articles, .csv and .yaml FAQ files) and the links between them.
          Prints file:line: error|warning: message lines and a summary; exits 1 when there are errors.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = KbCommandArguments.Parse(args, [], [], out var error);
        if (parsed?.Help == true)
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        if (parsed is not null && parsed.Positionals.Count != 1)
        {
            error = parsed.Positionals.Count == 0 ? "missing DIR (the knowledge folder)" : $"unexpected argument '{parsed.Positionals[1]}'";
        }

        if (parsed is not null && error is null && !Directory.Exists(parsed.Positionals[0]))
        {
            error = File.Exists(parsed.Positionals[0]) ? $"'{parsed.Positionals[0]}' is a file, not a folder" : $"folder '{parsed.Positionals[0]}' not found";
        }

        if (parsed is null || error is not null)
        {
            await stderr.WriteLineAsync($"omnibot kb validate: {error}").ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var folder = parsed.Positionals[0];
        var snapshot = await new KnowledgeFolderReader().ReadAsync(folder, cancellationToken).ConfigureAwait(false);
        var prefix = folder.Replace('\\', '/').TrimEnd('/');
        foreach (var diagnostic in snapshot.Diagnostics)
        {
            var shown = diagnostic with { Source = diagnostic.Source with { File = Prefixed(prefix, diagnostic.Source.File) } };
            await stdout.WriteLineAsync(shown.ToString()).ConfigureAwait(false);
        }

        var articles = snapshot.Files.Sum(f => f.Articles.Count);
        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{articles} articles in {snapshot.Files.Count} files: {snapshot.ErrorCount} errors, {snapshot.WarningCount} warnings")).ConfigureAwait(false);
        return snapshot.HasErrors ? 1 : 0;
    }

    private static string Prefixed(string prefix, string file) =>
        prefix.Length == 0 || prefix == "." || file == prefix ? file : $"{prefix}/{file}";
}
