using System.Globalization;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot kb validate DIR</c>: reads the knowledge folder, prints every diagnostic as
/// <c>DIR/file:line: error|warning: message</c> and a summary line. Exit 0 clean or warnings only, 1 errors
/// (usage errors, exit 2, are found by the parser: <see cref="KbCommand"/>).
/// </summary>
internal static class KbValidateCommand
{
    /// <summary>Runs the verb on <paramref name="folder"/> (an existing folder: the parser checked it).</summary>
    public static async Task<int> RunAsync(string folder, TextWriter stdout, CancellationToken cancellationToken)
    {
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
