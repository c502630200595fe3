using System.Globalization;

namespace Omnichannel.Bots.Cli;

/// <summary>Positional arguments and <c>--name value</c> / <c>--flag</c> options of one verb; unknown options are usage errors.</summary>
internal sealed class KbArguments
{
    private KbArguments(List<string> positional, Dictionary<string, string> values, HashSet<string> flags)
    {
        Positional = positional;
        Values = values;
        Flags = flags;
    }

    public List<string> Positional { get; }

    public Dictionary<string, string> Values { get; }

    public HashSet<string> Flags { get; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message naming the argument.</summary>
    public static KbArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        var positional = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (valueOptions.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{arg} needs a value.");
                }

                values[arg] = args[++i];
            }
            else if (flagOptions.Contains(arg))
            {
                flags.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unknown option '{arg}'.");
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new KbArguments(positional, values, flags);
    }

    public int PositiveInt(string option, int fallback)
    {
        if (!Values.TryGetValue(option, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} must be a positive whole number, not '{text}'.");
    }
}
