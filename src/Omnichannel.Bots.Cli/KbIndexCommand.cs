using System.Globalization;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot kb index DIR [--data DIR]</c>: validates the folder and brings its embedded index up to date.</summary>
internal static class KbIndexCommand
{
    public const string Usage = """
        usage: omnibot kb index DIR [--data DIR]
          DIR         the knowledge folder
          --data DIR  where knowledge.db lives (default: DIR/../.omnibot/<name of DIR>; never inside DIR)
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        KbArguments parsed;
        try
        {
            parsed = KbArguments.Parse(args, new HashSet<string> { "--data" }, new HashSet<string>());
            if (parsed.Positional.Count != 1)
            {
                throw new ArgumentException(parsed.Positional.Count == 0 ? "missing DIR." : $"unexpected argument '{parsed.Positional[1]}'.");
            }
        }
        catch (ArgumentException ex)
        {
            return await UsageErrorAsync(stderr, "kb index", ex.Message, Usage).ConfigureAwait(false);
        }

        try
        {
            using var session = await KbSession.OpenAsync(parsed.Positional[0], parsed.Values.GetValueOrDefault("--data"), stderr, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return 1;
            }

            var r = session.Report;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"indexed {r.Articles} articles, {r.Chunks} chunks: {r.Embedded} embedded, {r.Unchanged} unchanged, {r.Removed} removed in {r.Elapsed.TotalMilliseconds:F0} ms")).ConfigureAwait(false);
            await stdout.WriteLineAsync($"index: {r.DatabasePath}").ConfigureAwait(false);
            return 0;
        }
        catch (ArgumentException ex)
        {
            return await UsageErrorAsync(stderr, "kb index", ex.Message, Usage).ConfigureAwait(false);
        }
    }

    /// <summary>Prints <c>omnibot VERB: message</c> and the verb's usage; returns 2.</summary>
    internal static async Task<int> UsageErrorAsync(TextWriter stderr, string verb, string message, string usage)
    {
        await stderr.WriteLineAsync($"omnibot {verb}: {message}").ConfigureAwait(false);
        await stderr.WriteLineAsync(usage).ConfigureAwait(false);
        return 2;
    }
}
