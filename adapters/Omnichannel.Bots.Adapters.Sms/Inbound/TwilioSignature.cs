using System.Security.Cryptography;
using System.Text;
using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// Twilio's <c>X-Twilio-Signature</c> ("Webhooks security", validating signatures): Base64 HMAC-SHA1, keyed with the
/// account's auth token, of the full URL Twilio called (scheme, host, port, path and query string) followed by every
/// POST parameter sorted by name (ordinal), each written as name then value (a repeated name's values sorted too).
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
            foreach (var value in group.Select(p => p.Value).Order(StringComparer.Ordinal))
            {
                builder.Append(group.Key).Append(value);
            }
        }

        return builder.ToString();
    }

    /// <summary>The URL as given, and with the scheme's default port written out or left out (whichever it was not).</summary>
    private static IEnumerable<string> UrlSpellings(Uri url)
    {
        var given = url.OriginalString;
        yield return given;
        if (!url.IsAbsoluteUri || !url.IsDefaultPort)
        {
            yield break;
        }

        var authority = url.GetComponents(UriComponents.SchemeAndServer & ~UriComponents.Port, UriFormat.UriEscaped);
        var rest = given[(given.IndexOf("//", StringComparison.Ordinal) + 2)..];
        var slash = rest.IndexOfAny(['/', '?']);
        var tail = slash < 0 ? string.Empty : rest[slash..];
        var withPort = $"{authority}:{url.Port}{tail}";
        var withoutPort = authority + tail;
        yield return string.Equals(withPort, given, StringComparison.Ordinal) ? withoutPort : withPort;
    }
}
