using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// The default order-number forms: after an order word ("order #12345", "order number A-1042", "pedido 55512",
/// "Bestellnummer: 88123"), after "#" ("#A1042"), an upper-case code with digits ("A-1042", "ORD-2024-00017",
/// "A1042"), and a message that is only a number of 5 to 12 digits (the answer to "what is your order number?",
/// 5 digits being the sample's format). An id needs at least three digits; dates and decimals are not ids.
/// </summary>
internal static partial class OrderNumberFinder
{
    private const string Id = @"(?<id>[A-Za-z]{0,4}-?\d[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)";
    private const string End = @"(?![\p{L}\p{N}]|[.,/]\d|-)";

    public static IEnumerable<(string Value, int Start, int Length)> FindDefault(string text)
    {
        foreach (var found in Find(KeywordPattern(), text, requireIdShape: true))
        {
            yield return found;
        }

        foreach (var found in Find(HashPattern(), text, requireIdShape: true))
        {
            yield return found;
        }

        foreach (var found in Find(CodePattern(), text, requireIdShape: true))
        {
            yield return found;
        }

        foreach (var found in Find(WholeMessagePattern(), text, requireIdShape: true))
        {
            yield return found;
        }
    }

    /// <summary>Matches of <paramref name="pattern"/>; the value is its group <c>id</c>, else its first group, else the whole match.</summary>
    public static IEnumerable<(string Value, int Start, int Length)> Find(Regex pattern, string text, bool requireIdShape)
    {
        var results = new List<(string, int, int)>();
        try
        {
            var idNumber = pattern.GroupNumberFromName("id");
            foreach (Match match in pattern.Matches(text))
            {
                var group = idNumber >= 0 && match.Groups[idNumber].Success ? match.Groups[idNumber]
                    : match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1]
                    : match;
                var value = Normalize(group.Value);
                if (value.Length == 0 || (requireIdShape && !LooksLikeId(value)))
                {
                    continue;
                }

                var start = group.Index;
                var length = group.Length;
                if (start > 0 && text[start - 1] == '#')
                {
                    start--;
                    length++;
                }

                results.Add((value, start, length));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological message: what was found before the timeout is kept.
        }

        return results;
    }

    private static string Normalize(string raw) => raw.Trim().TrimStart('#').Trim().ToUpperInvariant();

    private static bool LooksLikeId(string value) =>
        value.Count(char.IsAsciiDigit) >= 3 && value.Length <= 30 && !DatePattern().IsMatch(value);

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?:order|purchase|pedido|compra|commande|bestellung|bestellnummer|auftragsnummer|ordine|encomenda|bestelling|bestelnummer)" +
        @"(?:\s*(?:number|num|no|nr|id|n°|nº|#|n[uú]mero|num[eé]ro|nummer|code))?\.?" +
        @"(?:\s+(?:is|was|es|est|ist|[eé]|è|era|is))?\s*[:#]?\s*#?" + Id + End,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex KeywordPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}&#])#\s?" + Id + End, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HashPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}#\-$€£])(?<id>[A-Z]{1,5}-\d{3,}(?:-[A-Z0-9]+)*|[A-Z]{1,3}\d{4,})" + End, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\s*#?(?<id>\d{5,12})\s*[.!]?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex WholeMessagePattern();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{2,4}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DatePattern();
}
