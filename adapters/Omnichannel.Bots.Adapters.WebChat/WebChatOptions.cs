using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>Web chat settings (configuration section <c>Channels:WebChat</c>).</summary>
public sealed class WebChatOptions : IValidatableObject
{
    public const string SectionName = "Channels:WebChat";

    /// <summary>Web chat is on unless set to false (then none of its endpoints is mapped).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The Direct Line secret: <c>Authorization: Bearer &lt;secret&gt;</c> may start conversations and generate tokens.
    /// When unset, one is generated on first start and kept in <c>webchat-secret</c> under <c>Storage:DataDirectory</c>.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; refresh before it expires (default one hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest <see cref="ResumeWindow"/> allowed.</summary>
    public static readonly TimeSpan MaxResumeWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after its expiry a token, together with the resume secret issued with it, still lets the widget resume
    /// its conversation (history included) through <c>POST /api/webchat/token</c> (default 24 hours, at most 30 days).
    /// </summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The HMAC key the embedding site signs user identities with (an HS256 JWT with <c>sub</c>, <c>exp</c> and
    /// optional <c>email</c>, <c>phone_number</c>, <c>name</c>). Unset: every visitor is anonymous.
    /// </summary>
    public string? UserIdentitySecret { get; set; }

    /// <summary>Origins (<c>https://shop.example.com</c>) whose pages may get widget tokens; <c>*</c> allows any. The host's own origin is always allowed.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>The largest upload accepted, in bytes (default 8 MiB).</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>The most messages from other channels a signed-in visitor sees at the top of a conversation.</summary>
    public const int MaxOtherChannelHistory = 100;

    /// <summary>
    /// How many of a signed-in (verified) visitor's latest messages from other channels (and the answers to them) are
    /// shown, labelled with their channel, at the top of a new web chat conversation (default 20; 0 shows none).
    /// </summary>
    public int OtherChannelHistory { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Secret is { Length: < 32 })
        {
            yield return new ValidationResult("Channels:WebChat:Secret must be at least 32 characters (or unset, to have one generated).", [nameof(Secret)]);
        }

        if (UserIdentitySecret is { Length: < 32 })
        {
            yield return new ValidationResult("Channels:WebChat:UserIdentitySecret must be at least 32 characters.", [nameof(UserIdentitySecret)]);
        }

        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Channels:WebChat:TokenLifetime must be more than zero and at most one day (for example 01:00:00).", [nameof(TokenLifetime)]);
        }

        if (ResumeWindow < TimeSpan.Zero || ResumeWindow > MaxResumeWindow)
        {
            yield return new ValidationResult(
                "Channels:WebChat:ResumeWindow must be between zero and 30 days (for example 1.00:00:00); a kept token and its resume secret reopen the customer's history for that long.",
                [nameof(ResumeWindow)]);
        }

        if (OtherChannelHistory is < 0 or > MaxOtherChannelHistory)
        {
            yield return new ValidationResult(
                $"Channels:WebChat:OtherChannelHistory must be between 0 (show none) and {MaxOtherChannelHistory}; got {OtherChannelHistory}.",
                [nameof(OtherChannelHistory)]);
        }

        foreach (var origin in AllowedOrigins)
        {
            if (origin != "*" && !WebChatOrigins.IsOrigin(origin))
            {
                yield return new ValidationResult(
                    $"Channels:WebChat:AllowedOrigins has '{origin}', which is not an origin: write scheme://host[:port] with nothing after it, or *.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
