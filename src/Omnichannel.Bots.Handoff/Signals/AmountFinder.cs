using System.Globalization;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// Money in a customer's text: a number with a currency symbol, code or word ("$120", "120 USD", "€1.200,50",
/// "1,200.50 EUR", "£40", "40 pounds", "R$ 50"), or a bare number right after a word about money ("refund of 250",
/// "I paid 80"), whose currency is then unknown.
/// </summary>
internal static partial class AmountFinder
{
    private const string Number = @"(?<num>\d{1,3}(?:[.,\u00A0\u202F']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)";
    private const string Codes = "USD|EUR|GBP|BRL|CAD|AUD|NZD|CHF|MXN|JPY|INR";
    private const string Words = @"dollars?|bucks|euros?|pounds?|quid|reais";
    private const string MoneyWords =
        @"refund(?:ed)?|reimburse(?:d|ment)?|charged?|overcharged|paid|pay|cost|costs|price|total|" +
        @"reembolso|reembolsar|cobraron|pagu[eé]|remboursement|rembourser|pay[eé]|erstattung|r[uü]ckerstattung|bezahlt|pagato|rimborso|terugbetaling|betaald";

    /// <summary>Finds the amounts in <paramref name="text"/>: (value "120.00 USD", start, length).</summary>
    public static IEnumerable<(string Value, int Start, int Length)> Find(string text)
    {
        MatchCollection matches;
        try
        {
            matches = Pattern().Matches(text);
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            yield break;
        }

        foreach (Match match in matches)
        {
            if (!TryParseNumber(match.Groups["num"].Value, out var amount))
            {
                continue;
            }

            var currency = Currency(match);
            var value = Format(amount, currency);
            var group = match.Groups["all"];
            yield return (value, group.Index, group.Length);
        }
    }

    /// <summary>"120.00 USD", or "250.00" when the currency is unknown.</summary>
    public static string Format(decimal amount, string currency) =>
        currency.Length == 0
            ? amount.ToString("0.00", CultureInfo.InvariantCulture)
            : amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    /// <summary>
    /// Reads "1.200,50", "1,200.50", "1 200", "40", "12,5": with both separators the last one is the decimal point;
    /// with one separator, one to two digits after it make it a decimal point and three digits a thousands separator.
    /// </summary>
    public static bool TryParseNumber(string raw, out decimal amount)
    {
        var s = raw.Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal)
            .Replace("'", string.Empty, StringComparison.Ordinal);
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalSeparator = lastDot > lastComma ? '.' : ',';
            var thousands = decimalSeparator == '.' ? "," : ".";
            s = s.Replace(thousands, string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var count = s.Count(c => c == separator);
            var digitsAfter = s.Length - s.LastIndexOf(separator) - 1;
            s = count == 1 && digitsAfter is 1 or 2
                ? s.Replace(separator, '.')
                : s.Replace(separator.ToString(), string.Empty, StringComparison.Ordinal);
        }

        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    private static string Currency(Match match)
    {
        var symbol = match.Groups["sym"];
        if (symbol.Success)
        {
            return symbol.Value switch
            {
                "R$" => "BRL",
                "C$" => "CAD",
                "A$" => "AUD",
                "NZ$" => "NZD",
                "€" => "EUR",
                "£" => "GBP",
                "¥" => "JPY",
                "₹" => "INR",
                _ => "USD",
            };
        }

        var code = match.Groups["code"];
        if (code.Success)
        {
            return code.Value.ToUpperInvariant();
        }

        var word = match.Groups["word"];
        if (word.Success)
        {
            var lower = word.Value.ToLowerInvariant();
            return lower.StartsWith("euro", StringComparison.Ordinal) ? "EUR"
                : lower.StartsWith("pound", StringComparison.Ordinal) || lower == "quid" ? "GBP"
                : lower == "reais" ? "BRL"
                : "USD";
        }

        return string.Empty;
    }

    // Alternatives, first that matches wins at a position: symbol before the number, code before, currency after, a money word before.
    [GeneratedRegex(
        @"(?<all>(?<![\p{L}\p{N}$])(?<sym>R\$|US\$|C\$|A\$|NZ\$|\$|€|£|¥|₹)\s?" + Number + @"(?![\p{N}]|[.,]\d))" +
        @"|(?<all>(?<![\p{L}\p{N}])(?<code>" + Codes + @")\s?" + Number + @"(?![\p{N}]|[.,]\d))" +
        @"|(?<all>(?<![\p{L}\p{N}.,$€£¥₹])" + Number + @"\s?(?:(?<sym>€|\$|£)|(?<code>" + Codes + @")(?![\p{L}\p{N}])|(?<word>" + Words + @")(?![\p{L}\p{N}])))" +
        @"|(?<![\p{L}\p{N}])(?:" + MoneyWords + @")(?:\s+(?:me|us|you|him|her|them))?(?:\s+(?:of|for|was|is|de|du|von|di|van|about|around|only|just))?\s+(?<all>" + Number + @")" +
        @"(?![\p{N}]|[.,]\d|\s?(?:€|\$|£|(?:" + Codes + "|" + Words + @")(?![\p{L}]))|\s?(?:%|percent|items?|times?|days?|hours?|weeks?|months?|years?|units?|pieces?|orders?)(?![\p{L}]))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex Pattern();
}
