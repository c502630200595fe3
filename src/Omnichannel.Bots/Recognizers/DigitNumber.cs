using System.Globalization;
using System.Text;

namespace Omnichannel.Bots.Recognizers;

/// <summary>
/// A number written in digits the way a culture writes it: "1,250.50" (en-US), "1.250,50" (de-DE), "1 250,50" (fr-FR).
/// Group separators are optional but, when used, every group after the first has exactly three digits.
/// </summary>
internal static class DigitNumber
{
    private const string SpaceSeparators = " \u00A0\u202F";
    private const string ApostropheSeparators = "'\u2019";

    /// <summary>Reads an unsigned token made only of digits and the culture's separators.</summary>
    public static bool TryParse(ReadOnlySpan<char> token, NumberFormatInfo format, out decimal value)
    {
        value = 0;
        if (token.IsEmpty)
        {
            return false;
        }

        var decimalSeparator = format.NumberDecimalSeparator;
        var integerEnd = token.IndexOf(decimalSeparator.AsSpan(), StringComparison.Ordinal);
        var integer = integerEnd < 0 ? token : token[..integerEnd];
        var fraction = integerEnd < 0 ? ReadOnlySpan<char>.Empty : token[(integerEnd + decimalSeparator.Length)..];
        if (integerEnd >= 0 && (fraction.IsEmpty || !IsDigits(fraction)))
        {
            return false;
        }

        var digits = new StringBuilder(token.Length);
        if (!TryReadInteger(integer, format.NumberGroupSeparator, digits, allowEmpty: integerEnd >= 0))
        {
            return false;
        }

        if (!fraction.IsEmpty)
        {
            digits.Append('.').Append(fraction);
        }

        return decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when <paramref name="c"/> can separate digit groups or decimals in <paramref name="format"/>.</summary>
    public static bool IsSeparator(char c, NumberFormatInfo format) =>
        format.NumberDecimalSeparator.Contains(c, StringComparison.Ordinal) || IsGroupSeparator(c, format.NumberGroupSeparator);

    private static bool TryReadInteger(ReadOnlySpan<char> integer, string groupSeparator, StringBuilder digits, bool allowEmpty)
    {
        if (integer.IsEmpty)
        {
            digits.Append('0');
            return allowEmpty;
        }

        if (IsDigits(integer))
        {
            digits.Append(integer);
            return true;
        }

        var groupStart = 0;
        var first = true;
        for (var i = 0; i <= integer.Length; i++)
        {
            if (i < integer.Length && char.IsAsciiDigit(integer[i]))
            {
                continue;
            }

            if (i < integer.Length && !IsGroupSeparator(integer[i], groupSeparator))
            {
                return false;
            }

            var length = i - groupStart;
            if ((first && length is < 1 or > 3) || (!first && length != 3))
            {
                return false;
            }

            digits.Append(integer[groupStart..i]);
            first = false;
            groupStart = i + 1;
        }

        return true;
    }

    private static bool IsGroupSeparator(char c, string groupSeparator)
    {
        if (groupSeparator.Length == 0)
        {
            return false;
        }

        if (SpaceSeparators.Contains(groupSeparator[0], StringComparison.Ordinal))
        {
            return SpaceSeparators.Contains(c, StringComparison.Ordinal);
        }

        if (ApostropheSeparators.Contains(groupSeparator[0], StringComparison.Ordinal))
        {
            return ApostropheSeparators.Contains(c, StringComparison.Ordinal);
        }

        return groupSeparator.Length == 1 && groupSeparator[0] == c;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
