using Omnichannel.Bots.Cli;

namespace Omnichannel.Bots.Knowledge.Tests.Cli;

/// <summary>Runs <c>omnibot</c> in-process and captures its output.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await OmnibotCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
