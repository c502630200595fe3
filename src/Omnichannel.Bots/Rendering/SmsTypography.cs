using System.Text;

namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Replaces typographic punctuation that has a GSM-7 equivalent of the same meaning (curly quotes, dashes, the
/// ellipsis, special spaces, bullets), so one curly quote in an otherwise plain reply does not send the whole SMS as
/// UCS-2 at less than half the characters a segment. Letters are never transliterated: text that still needs UCS-2
/// afterwards (non-Latin script, an emoji) is kept exactly as written.
/// </summary>
public static class SmsTypography
{
    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['‘'] = "'", ['’'] = "'", ['‚'] = "'", ['‛'] = "'", ['′'] = "'", ['`'] = "'", ['´'] = "'",
        ['“'] = "\"", ['”'] = "\"", ['„'] = "\"", ['‟'] = "\"", ['″'] = "\"", ['«'] = "\"", ['»'] = "\"",
        ['‹'] = "'", ['›'] = "'",
        ['‐'] = "-", ['‑'] = "-", ['‒'] = "-", ['–'] = "-", ['—'] = "-", ['―'] = "-", ['−'] = "-",
        ['…'] = "...",
        ['•'] = "-", ['‣'] = "-", ['◦'] = "-", ['·'] = "-",
        ['\u00A0'] = " ", ['\u2002'] = " ", ['\u2003'] = " ", ['\u2004'] = " ", ['\u2005'] = " ", ['\u2006'] = " ",
        ['\u2007'] = " ", ['\u2008'] = " ", ['\u2009'] = " ", ['\u200A'] = " ", ['\u202F'] = " ", ['\u205F'] = " ",
        ['\t'] = " ",
        ['\u200B'] = "", ['\u200C'] = "", ['\u200D'] = "", ['\u2060'] = "", ['\uFEFF'] = "", ['\u00AD'] = "",
    };

    /// <summary>
    /// <paramref name="text"/> with its typographic punctuation replaced when that makes it GSM-7; otherwise
    /// <paramref name="text"/> unchanged (it is sent as UCS-2 either way, and keeps its typography).
    /// </summary>
    public static string ToGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SmsSegments.IsGsm7(text))
        {
            return text;
        }

        var replaced = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Replacements.TryGetValue(c, out var replacement))
            {
                replaced.Append(replacement);
            }
            else
            {
                replaced.Append(c);
            }
        }

        var result = replaced.ToString();
        return SmsSegments.IsGsm7(result) ? result : text;
    }
}
