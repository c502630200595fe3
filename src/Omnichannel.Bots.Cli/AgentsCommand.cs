using System.CommandLine;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot agents hash-password [--password-stdin]</c>: the agent-workspace verbs (work in <see cref="AgentsHashPasswordCommand"/>).</summary>
internal static class AgentsCommand
{
    public static Command Create(CliConsole console)
    {
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "read the first line of stdin even at a terminal" };

        // Declared (hidden) only to refuse it with a reason: a password given as an argument lands in the shell's history.
        var password = new Argument<string[]>("password") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        CliValues.NoOptionLikeValues(password);
        password.Validators.Add(result =>
        {
            if (!result.Errors.Any() && result.Tokens.Count > 0)
            {
                result.AddError("the password is not taken as an argument (it would be saved in the shell's history); type it when asked or pipe it to stdin");
            }
        });

        var hashPassword = new Command(
            "hash-password",
            "Prints the hash of an agent's password for Agents:Accounts:N:PasswordHash (PBKDF2-SHA256, 210,000 iterations, "
            + "random salt). At a terminal it asks for the password twice without showing it; otherwise (or with "
            + "--password-stdin) it reads the first line of stdin: printf '%s\\n' \"$PASSWORD\" | omnibot agents hash-password "
            + "--password-stdin. The password is never taken as an argument.")
        {
            passwordStdin,
            password,
        };
        hashPassword.SetAction((result, ct) => AgentsHashPasswordCommand.RunAsync(result.GetValue(passwordStdin), console, ct));
        return new Command("agents", "Agent workspace accounts.") { hashPassword };
    }
}
