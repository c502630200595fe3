namespace Omnichannel.Bots.Adapters.Console;

/// <summary>The terminal the console channel reads from and writes to (stdin and stdout unless replaced in tests).</summary>
public sealed record ConsoleChannelIO(TextReader Input, TextWriter Output)
{
    public static ConsoleChannelIO Standard { get; } = new(System.Console.In, System.Console.Out);
}
