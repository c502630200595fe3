using System.ComponentModel.DataAnnotations;
using Omnichannel.Bots.Adapters.Meta;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// WhatsApp Cloud API settings (configuration section <c>Channels:WhatsApp</c>): the Meta app's shared settings
/// (<see cref="MetaChannelOptions"/>) and the business number's id and token; checked on start when
/// <see cref="MetaChannelOptions.Enabled"/>.
/// </summary>
public sealed class WhatsAppOptions : MetaChannelOptions, IValidatableObject
{
    public const string SectionName = "Channels:WhatsApp";

    /// <summary>The largest media file WhatsApp carries (documents: 100 MB).</summary>
    public const long DefaultMaxMediaBytes = 100L * 1024 * 1024;

    /// <summary>The list button's label unless <see cref="ListButtonLabel"/> says otherwise.</summary>
    public const string DefaultListButtonLabel = "Choose";

    /// <summary>The longest list button label WhatsApp accepts.</summary>
    public const int MaxListButtonLabelLength = 20;

    /// <summary>
    /// The token every Graph API call carries: a system user's permanent token with <c>whatsapp_business_messaging</c>
    /// (the app dashboard's temporary token expires within a day). Never logged.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// The business phone number's id (WhatsApp → API Setup, "Phone number ID"), not the number itself: replies are sent
    /// from it, and only webhook changes for it are taken.
    /// </summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>
    /// The business number as customers see it, in E.164 (+15551234567): the <c>wa.me</c> link of a link code ("continue
    /// on WhatsApp") opens a chat with it. Unset: customers asking to continue on WhatsApp are told it is not available.
    /// </summary>
    public string? DisplayPhoneNumber { get; set; }

    /// <summary>The label of the button that opens an interactive list (1-20 characters).</summary>
    public string ListButtonLabel { get; set; } = DefaultListButtonLabel;

    /// <summary>The largest customer media file kept, in bytes (default 100 MB, WhatsApp's limit for documents).</summary>
    public long MaxMediaBytes { get; set; } = DefaultMaxMediaBytes;

    /// <summary>
    /// True (default): when a turn starts the customer's message is marked read (blue ticks) and "typing…" is shown
    /// until the reply or 25 seconds.
    /// </summary>
    public bool MarkAsRead { get; set; } = true;

    /// <summary>
    /// The host's public address (<c>https://bot.example.com</c>) for the media links put on customers' attachments;
    /// unset: the webhook request's own scheme and host (rewritten by ASP.NET Core's forwarded headers middleware when
    /// the host configures it).
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

        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            yield return Problem($"{SectionName}:AccessToken is required when WhatsApp is enabled: a system user's permanent token with whatsapp_business_messaging (Business settings → System users).", nameof(AccessToken));
        }

        if (string.IsNullOrWhiteSpace(PhoneNumberId) || !PhoneNumberId.All(char.IsAsciiDigit) || PhoneNumberId.Length > 32)
        {
            yield return Problem($"{SectionName}:PhoneNumberId is required when WhatsApp is enabled: the business number's id (digits, WhatsApp → API Setup → Phone number ID), not the phone number.", nameof(PhoneNumberId));
        }

        if (string.IsNullOrWhiteSpace(ListButtonLabel) || ListButtonLabel.Trim().Length > MaxListButtonLabelLength)
        {
            yield return Problem($"{SectionName}:ListButtonLabel must be 1 to {MaxListButtonLabelLength} characters (the button that opens a list of choices; default '{DefaultListButtonLabel}').", nameof(ListButtonLabel));
        }

        if (!string.IsNullOrWhiteSpace(DisplayPhoneNumber) && (!PhoneRecognizer.TryParse(DisplayPhoneNumber, "ZZ", out var e164) || e164 != DisplayPhoneNumber))
        {
            yield return Problem($"{SectionName}:DisplayPhoneNumber must be the business number in E.164: '+', the country code and the number, no spaces (+15551234567).", nameof(DisplayPhoneNumber));
        }

        if (MaxMediaBytes is < 1024 or > DefaultMaxMediaBytes)
        {
            yield return Problem($"{SectionName}:MaxMediaBytes must be between 1024 and {DefaultMaxMediaBytes} bytes (WhatsApp's largest media, a 100 MB document).", nameof(MaxMediaBytes));
        }

        if (PublicBaseUrl is not null && (!PublicBaseUrl.IsAbsoluteUri || (PublicBaseUrl.Scheme != Uri.UriSchemeHttps && PublicBaseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            yield return Problem($"{SectionName}:PublicBaseUrl must be an absolute http(s) URL such as https://bot.example.com (the host's public address).", nameof(PublicBaseUrl));
        }
    }
}
