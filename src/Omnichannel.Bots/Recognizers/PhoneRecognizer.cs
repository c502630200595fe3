using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Omnichannel.Bots.Recognizers;

/// <summary>
/// Phone numbers through libphonenumber, normalised to E.164 ("+16502530000"). A number without a country code is
/// read in the default region; "00" before a country code ("00 44 20 7946 0000") is read as "+" everywhere. Only
/// valid numbers count; numbers with letters ("1-800-FLOWERS"), extensions, or fewer than seven digits do not.
/// </summary>
public static partial class PhoneRecognizer
{
    private const int MinDigits = 7;
    private const int MaxDigits = 17;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Reads the whole text as one phone number.</summary>
    public static bool TryParse(string? text, string defaultRegion, out string e164)
    {
        e164 = string.Empty;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !WholePattern().IsMatch(trimmed))
        {
            return false;
        }

        var digits = trimmed.Count(char.IsAsciiDigit);
        if (digits is < MinDigits or > MaxDigits)
        {
            return false;
        }

        try
        {
            var number = Util.Parse(InternationalPrefix(trimmed), Region(defaultRegion));
            if (!Util.IsValidNumber(number))
            {
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Every valid phone number in the text, in E.164, with its span.</summary>
    public static IReadOnlyList<Recognized<string>> FindAll(string? text, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // "00" becomes " +" so that indices in the text stay the same.
        var prepared = InTextDoubleZeroPattern().Replace(text, " +");
        var found = new List<Recognized<string>>();
        foreach (var match in Util.FindNumbers(prepared, Region(defaultRegion), PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            var raw = match.RawString;
            if (raw.Any(char.IsLetter) || raw.Count(char.IsAsciiDigit) < MinDigits || match.Number.HasExtension)
            {
                continue;
            }

            var start = match.Start;
            var length = match.Length;
            if (raw.StartsWith('+') && start >= 1 && prepared[start - 1] == ' ' && text[start] == '0' && text[start - 1] == '0')
            {
                start--;
                length++;
            }

            if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            {
                continue;
            }

            found.Add(new Recognized<string>(Util.Format(match.Number, PhoneNumberFormat.E164), start, length));
        }

        return found;
    }

    private static string Region(string? region) =>
        string.IsNullOrWhiteSpace(region) ? "ZZ" : region.Trim().ToUpperInvariant();

    private static string InternationalPrefix(string text) =>
        text.StartsWith("00", StringComparison.Ordinal) ? "+" + text[2..] : text;

    [GeneratedRegex(@"^\+?[\d\s().\-/\u00A0]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WholePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}+])00(?=[\s\u00A0-]?[1-9])", RegexOptions.CultureInvariant)]
    private static partial Regex InTextDoubleZeroPattern();
}
