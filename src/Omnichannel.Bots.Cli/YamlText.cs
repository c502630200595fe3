using System.Globalization;
using System.Text;

namespace Omnichannel.Bots.Cli;

/// <summary>Writes a string as a YAML scalar: plain when that reads back unchanged, otherwise double-quoted and escaped.</summary>
internal static class YamlText
{
    private static readonly string[] Reserved = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"];

    public static string Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsPlainSafe(value) ? value : Quote(value);
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`.+0123456789".Contains(value[0], StringComparison.Ordinal))
        {
            return false;
        }

        if (Reserved.Contains(value.ToLowerInvariant()) || value.EndsWith(':') || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085' or '\u00A0')
            {
                return false;
            }
        }

        return true;
    }
}
