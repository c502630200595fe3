using System.Globalization;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// The arguments of one <c>kb</c> verb: positionals, <c>--name value</c> options and <c>--flag</c> switches. Anything
/// not declared is a usage error naming the argument.
/// </summary>
internal sealed class KbCommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private KbCommandArguments()
    {
    }

    public List<string> Positionals { get; } = [];

    public bool Help { get; private set; }

    /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> for an unknown or incomplete option.</summary>
    public static KbCommandArguments? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags, out string? error)
    {
        error = null;
        var parsed = new KbCommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                parsed.Help = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg;
                string? inlineValue = null;
                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    name = arg[..equals];
                    inlineValue = arg[(equals + 1)..];
                }

                if (flags.Contains(name) && inlineValue is null)
                {
                    parsed._flags.Add(name);
                }
                else if (valueOptions.Contains(name))
                {
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (value is null)
                    {
                        error = $"{name} needs a value";
                        return null;
                    }

                    if (!parsed._options.TryAdd(name, value))
                    {
                        error = $"{name} is given twice";
                        return null;
                    }
                }
                else
                {
                    error = $"unknown option '{arg}'";
                    return null;
                }
            }
            else
            {
                parsed.Positionals.Add(arg);
            }
        }

        return parsed;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>A positive whole number option; null when absent; sets <paramref name="error"/> when it is not one.</summary>
    public int? PositiveInt(string name, out string? error)
    {
        error = null;
        if (Option(name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        error = $"{name} must be a whole number greater than 0, not '{text}'";
        return null;
    }
}
