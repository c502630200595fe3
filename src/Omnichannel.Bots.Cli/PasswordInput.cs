using System.Text;

namespace Omnichannel.Bots.Cli;

/// <summary>Where <c>agents hash-password</c> reads the password: a terminal (typed without echo) or redirected stdin (one line).</summary>
internal sealed class PasswordInput
{
    private readonly Func<string?>? _readHidden;

    public PasswordInput(TextReader reader, bool isTerminal, Func<string?>? readHidden = null)
    {
        Reader = reader;
        IsTerminal = isTerminal;
        _readHidden = readHidden;
    }

    /// <summary>The process's console: without echo when stdin is a terminal.</summary>
    public static PasswordInput Console => new(System.Console.In, !System.Console.IsInputRedirected, ReadConsoleHidden);

    public TextReader Reader { get; }

    public bool IsTerminal { get; }

    /// <summary>A line typed at the terminal without echo (falls back to an echoed line when the terminal cannot hide it).</summary>
    public async Task<string?> ReadHiddenLineAsync(CancellationToken cancellationToken) =>
        _readHidden is not null ? _readHidden() : await Reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);

    private static string? ReadConsoleHidden()
    {
        var text = new StringBuilder();
        try
        {
            while (true)
            {
                var key = System.Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    System.Console.Error.WriteLine();
                    return text.ToString();
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    if (text.Length > 0)
                    {
                        text.Length--;
                    }
                }
                else if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                {
                    text.Append(key.KeyChar);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // No console to read keys from after all: read an (echoed) line.
            return System.Console.In.ReadLine();
        }
    }
}
