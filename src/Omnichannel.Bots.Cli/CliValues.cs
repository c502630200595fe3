using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Omnichannel.Bots.Cli;

/// <summary>Parsers and validators shared by the verbs; their messages name the argument and the value given.</summary>
internal static class CliValues
{
    /// <summary>A whole number greater than 0; otherwise the parse error <c>NAME must be ..., not 'VALUE'</c>.</summary>
    public static int PositiveInt(ArgumentResult result, string name, string expectation = "a positive whole number")
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        result.AddError($"{name} must be {expectation}, not '{text}'");
        return 0;
    }

    /// <summary>A finite number greater than 0; otherwise the parse error <c>NAME must be a positive number, not 'VALUE'</c>.</summary>
    public static float PositiveFloat(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && float.IsFinite(value))
        {
            return value;
        }

        result.AddError($"{name} must be a positive number, not '{text}'");
        return 0;
    }

    /// <summary>
    /// Rejects a positional value that looks like an option: System.CommandLine would take an unknown <c>--x</c> as the
    /// value; this reports it as the unknown option it is, in System.CommandLine's words.
    /// </summary>
    public static void NoOptionLikeValues(Argument argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized command or argument '{token.Value}'.");
                    return;
                }
            }
        });
    }
}
