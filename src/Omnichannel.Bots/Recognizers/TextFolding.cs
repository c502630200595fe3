using System.Globalization;
using System.Text;

namespace Omnichannel.Bots.Recognizers;

/// <summary>The text normalization phrase matchers share (person requests, the handoff signals).</summary>
public static class TextFolding
{
    /// <summary>
    /// Lower case without diacritics ("é" → "e", "ß" → "ss"), letters and digits only, words separated by one space:
    /// "Parler à   quelqu'un !" → "parler a quelqu un".
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
}
