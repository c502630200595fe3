using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Customers;

/// <summary>
/// One-time link codes ("continue on WhatsApp"), configuration section <c>Identity:LinkCodes</c>, checked on start.
/// </summary>
public sealed class LinkCodeOptions : IValidatableObject
{
    public const string SectionName = "Identity:LinkCodes";

    /// <summary>How long a code can be used (default 10 minutes; 1 minute to 1 day).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Codes one customer may be given (default 5 an hour); past it they are told to use the last one.</summary>
    public RateLimit IssuesPerCustomer { get; set; } = new(5, TimeSpan.FromHours(1));

    /// <summary>Wrong codes (unknown, expired, used) from one sender before they must wait (default 5 in 15 minutes).</summary>
    public RateLimit WrongAttemptsPerSender { get; set; } = new(5, TimeSpan.FromMinutes(15));

    /// <summary>Wrong codes from all senders together before everyone must wait (default 100 a minute): many senders guessing.</summary>
    public RateLimit WrongAttempts { get; set; } = new(100, TimeSpan.FromMinutes(1));

    /// <summary>
    /// What customers say to continue on a channel, per channel id (<c>Phrases:whatsapp:0=continue on whatsapp</c>),
    /// matched in lower case anywhere in a short message. A channel without phrases here gets the defaults
    /// ("continue on", "continue in", "continue by", "switch to", "move to" and the channel's name).
    /// </summary>
    public IDictionary<string, IList<string>> Phrases { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Lifetime < TimeSpan.FromMinutes(1) || Lifetime > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"{SectionName}:Lifetime must be from 00:01:00 to 1.00:00:00 (it is {Lifetime}).", [nameof(Lifetime)]);
        }

        foreach (var (name, limit) in new (string, RateLimit?)[]
        {
            (nameof(IssuesPerCustomer), IssuesPerCustomer),
            (nameof(WrongAttemptsPerSender), WrongAttemptsPerSender),
            (nameof(WrongAttempts), WrongAttempts),
        })
        {
            if ((limit is null ? $"{SectionName}:{name} is required." : limit.Problem($"{SectionName}:{name}")) is { } problem)
            {
                yield return new ValidationResult(problem, [name]);
            }
        }

        foreach (var (channel, phrases) in Phrases)
        {
            if (!ChannelId.IsValid(channel))
            {
                yield return new ValidationResult($"{SectionName}:Phrases:{channel} is not a channel id (lower-case letters, digits, '-' or '_', such as whatsapp).", [nameof(Phrases)]);
            }
            else if (phrases.Count == 0 || phrases.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 100))
            {
                yield return new ValidationResult($"{SectionName}:Phrases:{channel} must list 1 or more phrases of 1 to 100 characters.", [nameof(Phrases)]);
            }
        }
    }
}
