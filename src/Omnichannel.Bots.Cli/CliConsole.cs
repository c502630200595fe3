using System.CommandLine;

namespace Omnichannel.Bots.Cli;

/// <summary>Where a verb writes and reads (the process's console, or writers in tests), and the verb being run.</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, PasswordInput input, Command? command = null)
    {
        Out = output;
        Error = error;
        Input = input;
        Command = command;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public PasswordInput Input { get; }

    /// <summary>The verb being run (for usage errors found after parsing); null before a verb is chosen.</summary>
    public Command? Command { get; }

    public CliConsole For(Command command) => new(Out, Error, Input, command);

    /// <summary>Prints <c>omnibot VERB: message</c> and the verb's help to stderr; returns 2.</summary>
    public Task<int> UsageErrorAsync(string message) =>
        OmnibotCommand.UsageErrorAsync(Command ?? throw new InvalidOperationException("no verb chosen"), message, Error);
}
