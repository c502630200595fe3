using System.Security.Cryptography;
using System.Text;
using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// Twilio's <c>X-Twilio-Signature</c> ("Webhooks security", validating signatures): Base64 HMAC-SHA1, keyed with the
/// account's auth token, of the full URL Twilio called (scheme, host, port, path and query string) followed by every
/// POST parameter sorted by name (ordinal), each written as name then value (a repeated name's distinct values sorted too).
/// Twilio may sign the URL with or without the default port (443/80), so both spellings are accepted, as Twilio's own
/// helper libraries do. Checked through the one <see cref="HmacSignatureVerifier"/> (constant-time).
/// </summary>
internal sealed class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    private readonly HmacSignatureVerifier _verifier;

    public TwilioSignature(string authToken)
    {
        _verifier = new HmacSignatureVerifier(HashAlgorithmName.SHA1, SignatureEncoding.Base64, authToken);
    }

    /// <summary>True when <paramref name="signature"/> signs <paramref name="url"/> (as Twilio called it) and <paramref name="parameters"/>.</summary>
    public bool IsValid(Uri url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var sorted = SortedParameters(parameters);
        var valid = false;
        foreach (var spelling in UrlSpellings(url))
        {
            // Every spelling is checked (no early exit), so the time taken does not tell which one matched.
            valid |= _verifier.IsValid(Encoding.UTF8.GetBytes(spelling + sorted), signature);
        }

        return valid;
    }

    /// <summary>The signature Twilio would send for this request (tests and tools).</summary>
    public string Sign(Uri url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        return _verifier.Sign(Encoding.UTF8.GetBytes(url.OriginalString + SortedParameters(parameters)));
    }

    private static string SortedParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                builder.Append(group.Key).Append(value);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The URL as given and, when it names its scheme's default port (443, 80), without it, or, when it names none, with
    /// it: Twilio signs one or the other. Works on the text (host case and escapes kept as Twilio wrote them).
    /// </summary>
    private static IEnumerable<string> UrlSpellings(Uri url)
    {
        var given = url.OriginalString;
        yield return given;
        var schemeEnd = given.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            yield break;
        }

        var scheme = given[..schemeEnd].ToLowerInvariant();
        var defaultPort = scheme switch
        {
            "https" => ":443",
            "http" => ":80",
            _ => null,
        };
        if (defaultPort is null)
        {
            yield break;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = given.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = given.Length;
        }

        var authority = given[authorityStart..authorityEnd];
        var portStart = authority.IndexOf(':', authority.LastIndexOf(']') + 1);
        var host = portStart < 0 ? authority : authority[..portStart];
        var port = portStart < 0 ? string.Empty : authority[portStart..];
        if (port.Length == 0)
        {
            yield return given[..authorityStart] + host + defaultPort + given[authorityEnd..];
        }
        else if (port == defaultPort)
        {
            yield return given[..authorityStart] + host + given[authorityEnd..];
        }
    }
}
