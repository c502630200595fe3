using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>SMS settings (configuration section <c>Channels:Sms</c>): a Twilio account; checked on start when <see cref="Enabled"/>.</summary>
public sealed partial class SmsOptions : IValidatableObject
{
    public const string SectionName = "Channels:Sms";

    /// <summary>Twilio's REST API.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.twilio.com");

    /// <summary>SMS is off unless set to true (then nothing of it runs and nothing below is checked).</summary>
    public bool Enabled { get; set; }

    /// <summary>The account's SID (<c>AC</c> and 32 hexadecimal digits), from the Twilio Console.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's auth token: the REST API's password and the key of <c>X-Twilio-Signature</c>. Never logged.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The Twilio number replies are sent from, in E.164 (+15017122661). This or <see cref="MessagingServiceSid"/>.</summary>
    public string? FromNumber { get; set; }

    /// <summary>A Messaging Service (<c>MG</c> and 32 hexadecimal digits) that picks the sender; used instead of <see cref="FromNumber"/> when set.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Where Twilio's REST API is (tests point it at a local stand-in); only scheme, host, port and path prefix are used.</summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// The host's public address as Twilio calls it (https://bot.example.com, or a tunnel's address). Signatures are
    /// checked over this address and the endpoint's path, and status callbacks are requested only when it is set.
    /// Unset: the request's own scheme and host (rewritten by ASP.NET Core's forwarded headers middleware only when the
    /// host configures it).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The largest webhook body accepted, in bytes (default 64 KiB; Twilio's webhook posts a few KB).</summary>
    [Range(1024, 1024 * 1024, ErrorMessage = "Channels:Sms:MaxBodyBytes must be between 1024 and 1048576 bytes.")]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The most segments one reply may cost (default 3, 1 to 10); the SMS renderer keeps replies within it.</summary>
    [Range(1, 10, ErrorMessage = "Channels:Sms:MaxSegments must be between 1 and 10.")]
    public int MaxSegments { get; set; } = 3;

    /// <summary>Who answers STOP, START, HELP and INFO: <c>twilio</c> (default, Advanced Opt-Out) or <c>bot</c>.</summary>
    public SmsKeywordReplies KeywordReplies { get; set; } = SmsKeywordReplies.Twilio;

    /// <summary>What the bot answers to HELP and INFO when <see cref="KeywordReplies"/> is <c>bot</c> (required then).</summary>
    public string? HelpText { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(AccountSid))
        {
            yield return Problem("Channels:Sms:AccountSid is required when SMS is enabled: the account SID (AC...) from the Twilio Console.", nameof(AccountSid));
        }
        else if (!AccountSidPattern().IsMatch(AccountSid))
        {
            yield return Problem("Channels:Sms:AccountSid is not an account SID: 'AC' followed by 32 hexadecimal digits.", nameof(AccountSid));
        }

        if (string.IsNullOrWhiteSpace(AuthToken))
        {
            yield return Problem("Channels:Sms:AuthToken is required when SMS is enabled: the account's auth token from the Twilio Console.", nameof(AuthToken));
        }

        if (string.IsNullOrWhiteSpace(FromNumber) && string.IsNullOrWhiteSpace(MessagingServiceSid))
        {
            yield return Problem("Channels:Sms:FromNumber or Channels:Sms:MessagingServiceSid is required when SMS is enabled: the Twilio number (E.164) or Messaging Service replies are sent from.", nameof(FromNumber));
        }

        if (!string.IsNullOrWhiteSpace(FromNumber) && (!PhoneRecognizer.TryParse(FromNumber, "ZZ", out var e164) || e164 != FromNumber))
        {
            yield return Problem("Channels:Sms:FromNumber must be a phone number in E.164: '+', the country code and the number, no spaces (+15017122661).", nameof(FromNumber));
        }

        if (!string.IsNullOrWhiteSpace(MessagingServiceSid) && !MessagingServicePattern().IsMatch(MessagingServiceSid))
        {
            yield return Problem("Channels:Sms:MessagingServiceSid is not a Messaging Service SID: 'MG' followed by 32 hexadecimal digits.", nameof(MessagingServiceSid));
        }

        if (!IsHttpUrl(ApiBaseUrl))
        {
            yield return Problem("Channels:Sms:ApiBaseUrl must be an absolute http(s) URL such as https://api.twilio.com.", nameof(ApiBaseUrl));
        }

        if (PublicBaseUrl is not null && !IsHttpUrl(PublicBaseUrl))
        {
            yield return Problem("Channels:Sms:PublicBaseUrl must be an absolute http(s) URL such as https://bot.example.com (the address Twilio calls).", nameof(PublicBaseUrl));
        }

        if (!Enum.IsDefined(KeywordReplies))
        {
            yield return Problem("Channels:Sms:KeywordReplies must be 'twilio' or 'bot'.", nameof(KeywordReplies));
        }
        else if (KeywordReplies == SmsKeywordReplies.Bot && string.IsNullOrWhiteSpace(HelpText))
        {
            yield return Problem("Channels:Sms:HelpText is required when Channels:Sms:KeywordReplies is 'bot': the bot answers HELP and INFO with it (who you are, how to get help, 'Reply STOP to opt out').", nameof(HelpText));
        }
    }

    private static bool IsHttpUrl(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private static ValidationResult Problem(string message, string member) => new(message, [member]);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex MessagingServicePattern();
}
