using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Customers;

/// <summary>
/// The link code's text: 10 characters of Crockford's base32 (no I, L, O or U: nothing to misread), at least one digit
/// and one letter, shown as <c>7KQ2M-X9P4D</c>. That is about 50 bits, so with wrong attempts throttled and codes living
/// minutes guessing one is hopeless. Only its SHA-256 is stored. Customers may type it in either case, with or without
/// the hyphen, after the word <c>LINK</c>; Telegram carries it as the <c>/start</c> payload <c>link_7KQ2MX9P4D</c>.
/// </summary>
public static partial class LinkCodeText
{
    /// <summary>The Telegram deep link payload's prefix: <c>link_</c> and the code without its hyphen.</summary>
    public const string PayloadPrefix = "link_";

    /// <summary>The word before the code in a prefilled or texted message (<c>LINK 7KQ2M-X9P4D</c>).</summary>
    public const string Keyword = "LINK";

    private const int Length = 10;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random code, compact (no hyphen).</summary>
    public static string Generate()
    {
        while (true)
        {
            var code = new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length));
            if (code.Any(char.IsAsciiDigit) && code.Any(char.IsAsciiLetter))
            {
                return code;
            }
        }
    }

    /// <summary>The code as shown to customers: <c>7KQ2M-X9P4D</c>.</summary>
    public static string Format(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? code[..(Length / 2)] + "-" + code[(Length / 2)..] : code;
    }

    /// <summary>What is stored instead of the code: its SHA-256, in lower-case hex.</summary>
    public static string Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));
    }

    /// <summary>
    /// The compact code a message carries: a Telegram <c>/start link_...</c> payload, or a text that is only a code
    /// (optionally after <c>LINK</c> or <c>link code:</c>). False for everything else, so ordinary messages pass on.
    /// </summary>
    public static bool TryRead(BotMessage message, [NotNullWhen(true)] out string? code)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.DeepLinkPayload is { } payload && payload.StartsWith(PayloadPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryNormalize(payload[PayloadPrefix.Length..], out code);
        }

        code = null;
        if (message.Text is not { Length: <= 60 } text || CodeMessage().Match(text) is not { Success: true } match)
        {
            return false;
        }

        return TryNormalize(match.Groups["first"].Value + match.Groups["second"].Value, out code);
    }

    /// <summary>Upper case, with the letters Crockford reads as digits (I and L as 1, O as 0) mapped; false when it cannot be a code.</summary>
    private static bool TryNormalize(string text, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (text.Length != Length || !text.Any(char.IsAsciiDigit) || !text.Any(char.IsAsciiLetter))
        {
            return false;
        }

        var normalized = text.ToUpperInvariant().Replace('I', '1').Replace('L', '1').Replace('O', '0');
        if (!normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        code = normalized;
        return true;
    }

    [GeneratedRegex(@"^\s*(?:link(?:\s*code)?\s*:?\s*)?(?<first>[0-9A-Za-z]{5})[\s-]?(?<second>[0-9A-Za-z]{5})\s*[.!]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CodeMessage();
}
