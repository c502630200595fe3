// TEMPORARY stand-in until the recognizers branch lands; replaced wholesale.
using System.Globalization;
namespace Omnichannel.Bots.Recognizers;
public readonly record struct Recognized<T>(T Value, int Start, int Length);
public enum DateDirection { Future, Past }
public static class NumberRecognizer
{
    public static bool TryParse(string? text, CultureInfo culture, out decimal value) => decimal.TryParse(text?.Trim(), NumberStyles.Number, culture, out value);
    public static IReadOnlyList<Recognized<decimal>> FindAll(string? text, CultureInfo culture) =>
        System.Text.RegularExpressions.Regex.Matches(text ?? "", @"\d+").Select(m => new Recognized<decimal>(decimal.Parse(m.Value, CultureInfo.InvariantCulture), m.Index, m.Length)).ToList();
    public static bool TryParseOrdinal(string? text, out int position) { position = text switch { "first" => 1, "second" => 2, "third" => 3, _ => 0 }; return position > 0; }
}
public static class DateRecognizer
{
    public static bool TryParse(string? text, CultureInfo culture, DateOnly today, DateDirection direction, out DateOnly date) { date = today.AddDays(1); return text == "tomorrow"; }
    public static IReadOnlyList<Recognized<DateOnly>> FindAll(string? text, CultureInfo culture, DateOnly today, DateDirection direction) => [];
}
public static class EmailRecognizer
{
    public static bool TryParse(string? text, out string email) { email = text?.Trim() ?? ""; return email.Contains('@') && email.Contains('.'); }
    public static IReadOnlyList<Recognized<string>> FindAll(string? text) => [];
}
public static class PhoneRecognizer
{
    public static bool TryParse(string? text, string defaultRegion, out string e164) { e164 = ""; return false; }
    public static IReadOnlyList<Recognized<string>> FindAll(string? text, string defaultRegion) => [];
}
public static class ConfirmRecognizer
{
    public static bool TryParse(string? text, CultureInfo culture, out bool value) { value = text?.Trim().ToLowerInvariant() is "yes" or "y"; return value || text?.Trim().ToLowerInvariant() is "no" or "n"; }
}
