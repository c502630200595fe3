using System.Globalization;
using System.Text;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>Text normalization shared by the signal extractors.</summary>
internal static class SignalText
{
    /// <summary>Messages longer than this are not searched for phrases (a pasted document is not a request).</summary>
    public const int MaxPhraseMessageLength = 500;

    /// <summary>
    /// Lower case without diacritics ("é" → "e", "ß" → "ss"), letters and digits only, words separated by one space:
    /// "Parler à   quelqu'un !" → "parler a quelqu un".
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                if (c == 'ß')
                {
                    builder.Append("ss");
                }
                else
                {
                    builder.Append(char.ToLowerInvariant(c));
                }

                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The language part of a locale ("es-MX" → "es", "pt_BR" → "pt"), lower case; null when empty.</summary>
    public static string? Language(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var trimmed = locale.Trim();
        var end = trimmed.IndexOfAny(['-', '_']);
        return (end < 0 ? trimmed : trimmed[..end]).ToLowerInvariant();
    }
}
