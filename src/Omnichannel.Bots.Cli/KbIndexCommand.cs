using System.Globalization;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot kb index DIR [--data DIR]</c>: validates the folder and brings its embedded index up to date.</summary>
internal static class KbIndexCommand
{
    public static async Task<int> RunAsync(string folder, string? dataDirectory, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            using var session = await KbSession.OpenAsync(folder, dataDirectory, console.Error, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return 1;
            }

            var r = session.Report;
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"indexed {r.Articles} articles, {r.Chunks} chunks: {r.Embedded} embedded, {r.Unchanged} unchanged, {r.Removed} removed in {r.Elapsed.TotalMilliseconds:F0} ms")).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"index: {r.DatabasePath}").ConfigureAwait(false);
            return 0;
        }
        catch (ArgumentException ex)
        {
            return await console.UsageErrorAsync(ex.Message).ConfigureAwait(false);
        }
    }
}
