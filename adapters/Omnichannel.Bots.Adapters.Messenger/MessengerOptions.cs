using System.ComponentModel.DataAnnotations;
using Omnichannel.Bots.Adapters.Meta;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// Messenger settings (configuration section <c>Channels:Messenger</c>): a Facebook page connected to a Meta app, on
/// top of what every Meta channel has (<see cref="MetaChannelOptions"/>: app secret, verify token, Graph API address and
/// version, body limit); checked on start when <see cref="MetaChannelOptions.Enabled"/>.
/// </summary>
public sealed class MessengerOptions : MetaChannelOptions, IValidatableObject
{
    public const string SectionName = "Channels:Messenger";

    /// <summary>Messenger's own limit on an attachment (25 MB), the default and the most <see cref="MaxMediaBytes"/> allows.</summary>
    public const long DefaultMaxMediaBytes = 25L * 1024 * 1024;

    /// <summary>The page's access token (Meta app → Messenger → Messenger API settings → Generate token): every send carries it. Never logged.</summary>
    public string? PageAccessToken { get; set; }

    /// <summary>
    /// The page's id. When set, only webhook entries for this page (<c>entry.id</c>) are taken and others are acknowledged
    /// and ignored (an app subscribed for several pages); unset, every page the app is subscribed to is answered with
    /// <see cref="PageAccessToken"/>, which belongs to one page, so set it when the app has more than one.
    /// </summary>
    public string? PageId { get; set; }

    /// <summary>
    /// False (default): choices go as quick replies, which vanish once the customer answers. True: a message with at
    /// most 3 choices and at most 640 characters of text goes as the button template, whose postback buttons stay in the
    /// thread and can be pressed later; longer messages and more choices still go as quick replies.
    /// </summary>
    public bool PersistentButtons { get; set; }

    /// <summary>
    /// The largest customer attachment kept in the host's file store (bytes; default and most 25 MB, Messenger's own
    /// limit): a larger one is not kept and its link answers 413.
    /// </summary>
    public long MaxMediaBytes { get; set; } = DefaultMaxMediaBytes;

    /// <summary>
    /// The host's public address (<c>https://bot.example.com</c>) for the links put on customers' attachments; unset:
    /// the webhook request's own scheme and host (rewritten by ASP.NET Core's forwarded headers middleware when the
    /// host configures it).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in ValidateShared(SectionName))
        {
            yield return problem;
        }

        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(PageAccessToken))
        {
            yield return Problem($"{SectionName}:PageAccessToken is required when Messenger is enabled: the page's access token (Meta app → Messenger → Messenger API settings → Generate token).", nameof(PageAccessToken));
        }
        else if (PageAccessToken.Any(char.IsWhiteSpace))
        {
            yield return Problem($"{SectionName}:PageAccessToken contains white space: paste the token exactly as Meta shows it.", nameof(PageAccessToken));
        }

        if (MaxMediaBytes is < 1024 or > DefaultMaxMediaBytes)
        {
            yield return Problem($"{SectionName}:MaxMediaBytes must be between 1024 and {DefaultMaxMediaBytes} bytes (Messenger's largest attachment, 25 MB).", nameof(MaxMediaBytes));
        }

        if (PublicBaseUrl is not null && (!PublicBaseUrl.IsAbsoluteUri || (PublicBaseUrl.Scheme != Uri.UriSchemeHttps && PublicBaseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            yield return Problem($"{SectionName}:PublicBaseUrl must be an absolute http(s) URL such as https://bot.example.com (the host's public address).", nameof(PublicBaseUrl));
        }

        if (PageId is not null && (PageId.Length is 0 or > 32 || !PageId.All(char.IsAsciiDigit)))
        {
            yield return Problem($"{SectionName}:PageId must be the page's numeric id (Page → About → Page transparency, or the webhook's entry.id), or unset.", nameof(PageId));
        }
    }
}
