using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Recognizers;

/// <summary>
/// Practical email addresses: <c>local@domain.tld</c>. The local part keeps its case (dots allowed, but not first,
/// last or doubled); the domain is lower-cased and needs at least two labels and a top-level domain of two or more
/// letters. In free text, surrounding punctuation ("it's jane@example.com.") is not part of the address.
/// </summary>
public static partial class EmailRecognizer
{
    private const int MaxLocalLength = 64;
    private const int MaxLength = 254;

    /// <summary>Reads the whole text (surrounding spaces ignored) as one address.</summary>
    public static bool TryParse(string? text, out string email)
    {
        email = string.Empty;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        try
        {
            var match = WholePattern().Match(trimmed);
            return match.Success && TryNormalize(match, out email);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Every address in the text, normalised, with its span.</summary>
    public static IReadOnlyList<Recognized<string>> FindAll(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<Recognized<string>>();
        try
        {
            foreach (Match match in InTextPattern().Matches(text))
            {
                if (TryNormalize(match, out var email))
                {
                    found.Add(new Recognized<string>(email, match.Index, match.Length));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }

        return found;
    }

    private static bool TryNormalize(Match match, out string email)
    {
        var local = match.Groups["local"].Value;
        var domain = match.Groups["domain"].Value.ToLowerInvariant();
        email = string.Empty;
        if (local.Length > MaxLocalLength || local.Length + 1 + domain.Length > MaxLength)
        {
            return false;
        }

        email = local + "@" + domain;
        return true;
    }

    private const string Local = @"(?<local>[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*)";
    private const string Domain = @"(?<domain>(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59}))";

    [GeneratedRegex("^" + Local + "@" + Domain + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex WholePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}!#$%&'*+/=?^_`{|}~.@-])" + Local + "@" + Domain + @"(?![\p{L}\p{N}_@-])(?!\.[\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex InTextPattern();
}
