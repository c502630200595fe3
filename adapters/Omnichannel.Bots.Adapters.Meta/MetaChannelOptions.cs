using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Adapters.Meta;

/// <summary>
/// The settings every Meta channel has (WhatsApp in <c>Channels:WhatsApp</c>, Messenger in <c>Channels:Messenger</c>):
/// the app's secret that signs webhooks, the verify token of the subscription handshake, and where the Graph API is.
/// A channel's own options add its token and ids and call <see cref="ValidateShared"/> from their validation.
/// </summary>
public abstract partial class MetaChannelOptions
{
    /// <summary>The Graph API's public address.</summary>
    public static readonly Uri DefaultGraphApiBaseUrl = new("https://graph.facebook.com");

    /// <summary>The Graph API version calls use unless <see cref="GraphApiVersion"/> says otherwise.</summary>
    public const string DefaultGraphApiVersion = "v23.0";

    /// <summary>The largest webhook body Meta sends (a batch of entries): 3 MB.</summary>
    public const int DefaultMaxBodyBytes = 3 * 1024 * 1024;

    /// <summary>Off unless set to true (then nothing of the channel runs and nothing below is checked).</summary>
    public bool Enabled { get; set; }

    /// <summary>The Meta app's secret (App settings → Basic): the key of <c>X-Hub-Signature-256</c>. Never logged.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Any string you choose and also enter in the app's webhook settings; Meta echoes it in the <c>GET</c> handshake.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>Where the Graph API is (tests point it at a local stand-in); scheme, host, port and path prefix are used.</summary>
    public Uri GraphApiBaseUrl { get; set; } = DefaultGraphApiBaseUrl;

    /// <summary>The Graph API version in every call's path (<c>v23.0</c>).</summary>
    public string GraphApiVersion { get; set; } = DefaultGraphApiVersion;

    /// <summary>The largest webhook body accepted, in bytes (default 3 MB, as Meta documents).</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// The problems of the shared settings, naming each key under <paramref name="section"/>; nothing when the channel
    /// is not <see cref="Enabled"/>.
    /// </summary>
    protected IEnumerable<ValidationResult> ValidateShared(string section)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(AppSecret))
        {
            yield return Problem($"{section}:AppSecret is required when the channel is enabled: the Meta app's secret (App settings → Basic), which signs every webhook call.", nameof(AppSecret));
        }

        if (string.IsNullOrWhiteSpace(VerifyToken))
        {
            yield return Problem($"{section}:VerifyToken is required when the channel is enabled: a string you choose and enter as the webhook's verify token in the Meta app.", nameof(VerifyToken));
        }

        if (GraphApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return Problem($"{section}:GraphApiBaseUrl must be an absolute http(s) URL such as {DefaultGraphApiBaseUrl}.", nameof(GraphApiBaseUrl));
        }

        if (string.IsNullOrWhiteSpace(GraphApiVersion) || !VersionPattern().IsMatch(GraphApiVersion))
        {
            yield return Problem($"{section}:GraphApiVersion must look like {DefaultGraphApiVersion} ('v', a major and a minor number).", nameof(GraphApiVersion));
        }

        if (MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            yield return Problem($"{section}:MaxBodyBytes must be between 1024 and 16777216 bytes (default {DefaultMaxBodyBytes}).", nameof(MaxBodyBytes));
        }
    }

    /// <summary>A validation problem about <paramref name="member"/>.</summary>
    protected static ValidationResult Problem(string message, string member) => new(message, [member]);

    [GeneratedRegex(@"^v\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
