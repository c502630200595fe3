using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots;

/// <summary>The bot's settings (configuration section <c>Bot</c>), validated at start-up.</summary>
public sealed class BotOptions : IValidatableObject
{
    public const string SectionName = "Bot";

    /// <summary>The culture of customers whose channel does not say (numbers, dates): <c>en-US</c> by default.</summary>
    [Required]
    public string DefaultLocale { get; set; } = "en-US";

    /// <summary>The region for phone numbers typed without a country code (ISO 3166 two letters).</summary>
    [Required]
    public string DefaultPhoneRegion { get; set; } = "US";

    /// <summary>The IANA time zone "today" and "tomorrow" are read in.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How long one turn's code may run before it is abandoned with an apology.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many customers may run a turn at the same time (turns of one customer never overlap, on any channel).</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentTurns { get; set; } = 128;

    /// <summary>How long processed inbox rows are kept for deduplication; at least 7 days, as providers retry for days.</summary>
    [Range(typeof(TimeSpan), "7.00:00:00", "365.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How many times one message's turn is tried when storing it fails (the turn store throws, or reports a state
    /// conflict every time) before the message is parked for an operator and the conversation moves on to its next
    /// message. After 5 failed attempts the turn is only recorded as failed, without running the dialog again.
    /// </summary>
    [Range(1, 100)]
    public int MaxTurnAttempts { get; set; } = 10;

    /// <summary>How often the host looks for parked messages an operator put back (<c>omnibot inbox parked retry</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RequeuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public DialogTexts Texts { get; } = new();

    public InterruptionOptions Interruptions { get; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsCulture(DefaultLocale))
        {
            yield return new ValidationResult($"Bot:DefaultLocale '{DefaultLocale}' is not a known culture such as en-US.", [nameof(DefaultLocale)]);
        }

        if (!PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(DefaultPhoneRegion))
        {
            yield return new ValidationResult($"Bot:DefaultPhoneRegion '{DefaultPhoneRegion}' is not a two-letter region such as US or GB.", [nameof(DefaultPhoneRegion)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Bot:TimeZone '{TimeZone}' is not a time zone id such as Europe/London.", [nameof(TimeZone)]);
        }
    }

    private static bool IsCulture(string name)
    {
        try
        {
            return !string.IsNullOrEmpty(name) && System.Globalization.CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name.Length > 0;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return false;
        }
    }
}
