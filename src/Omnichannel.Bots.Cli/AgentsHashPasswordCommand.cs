using System.Globalization;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot agents hash-password [--password-stdin]</c>: reads a password (typed twice without echo at a terminal;
/// the first line of stdin when piped) and prints its PBKDF2-SHA256 hash for <c>Agents:Accounts:N:PasswordHash</c>.
/// The password is never an argument: arguments land in shell history and in the process list.
/// Exit 0 printed, 1 no usable password, 2 usage (found by the parser: <see cref="AgentsCommand"/>).
/// </summary>
internal static class AgentsHashPasswordCommand
{
    public const int MinimumLength = 8;

    public static async Task<int> RunAsync(bool fromStdin, CliConsole console, CancellationToken cancellationToken)
    {
        var input = console.Input;
        var stdout = console.Out;
        var stderr = console.Error;
        string? password;
        if (input.IsTerminal)
        {
            await stderr.WriteAsync("Password: ").ConfigureAwait(false);
            await stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
            password = await input.ReadHiddenLineAsync(cancellationToken).ConfigureAwait(false);
            if (!fromStdin && password is not null && password.Length > 0)
            {
                await stderr.WriteAsync("Repeat the password: ").ConfigureAwait(false);
                await stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
                var again = await input.ReadHiddenLineAsync(cancellationToken).ConfigureAwait(false);
                if (!string.Equals(password, again, StringComparison.Ordinal))
                {
                    await stderr.WriteLineAsync("omnibot agents hash-password: the two passwords differ; nothing printed.").ConfigureAwait(false);
                    return 1;
                }
            }
        }
        else
        {
            password = await input.Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }

        if (password is null)
        {
            await stderr.WriteLineAsync("omnibot agents hash-password: no password: stdin ended before a line was read.").ConfigureAwait(false);
            return 1;
        }

        if (password.Length == 0)
        {
            await stderr.WriteLineAsync("omnibot agents hash-password: the password is empty.").ConfigureAwait(false);
            return 1;
        }

        if (password.Length < MinimumLength)
        {
            await stderr.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"omnibot agents hash-password: the password is {password.Length} characters; use at least {MinimumLength}.")).ConfigureAwait(false);
            return 1;
        }

        await stdout.WriteLineAsync(AgentPasswordHasher.Hash(password)).ConfigureAwait(false);
        await stderr.WriteLineAsync("Put this in Agents:Accounts:N:PasswordHash (environment: Agents__Accounts__N__PasswordHash).").ConfigureAwait(false);
        return 0;
    }
}
