using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Omnichannel.Bots;

/// <summary>
/// Rate limits and quotas (configuration section <c>Limits</c>), validated at start-up. Request rates are enforced by
/// ASP.NET Core's rate limiter on the endpoints (429 with <c>Retry-After</c>); handoffs per customer by the handoff
/// router; streams by web chat; customer files' quotas and retention by the customer file store (every channel's files).
/// </summary>
public sealed class LimitsOptions : IValidatableObject
{
    public const string SectionName = "Limits";

    /// <summary>
    /// Proxies (an address such as <c>10.0.0.5</c>, or a network such as <c>10.0.0.0/8</c>) whose
    /// <c>X-Forwarded-For</c> names the client; from anyone else the header is ignored and the connection's address counts.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>
    /// Widget tokens, token generation and conversation starts, per client address (a widget visit takes two: its token
    /// and the conversation start with it). A site whose server generates every visitor's token needs more.
    /// </summary>
    public RateLimit ConversationStartsPerAddress { get; set; } = new(120, TimeSpan.FromMinutes(1));

    /// <summary>Agent sign-in attempts, per client address (the password-failure throttle is separate).</summary>
    public RateLimit SignInsPerAddress { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>Activities posted to one web chat conversation.</summary>
    public RateLimit ActivitiesPerConversation { get; set; } = new(60, TimeSpan.FromMinutes(1));

    /// <summary>Uploads (requests) to one web chat conversation.</summary>
    public RateLimit UploadsPerConversation { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>New handoffs to a person per customer; past it the customer is told their earlier requests stand.</summary>
    public RateLimit HandoffsPerCustomer { get; set; } = new(3, TimeSpan.FromDays(1));

    /// <summary>Open WebSocket streams per Direct Line token; one more is refused (429 <c>TooManyStreams</c>).</summary>
    [Range(1, 10_000)]
    public int StreamsPerToken { get; set; } = 10;

    /// <summary>Bytes of customer files (web chat uploads, media from any channel) one conversation may keep (default 100 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long UploadBytesPerConversation { get; set; } = 100L * 1024 * 1024;

    /// <summary>Customer files (web chat uploads, media from any channel) one conversation may keep.</summary>
    [Range(1, 1_000_000)]
    public int UploadFilesPerConversation { get; set; } = 100;

    /// <summary>How long a customer file is kept; older ones are deleted by a background sweep.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the sweep looks for uploads past <see cref="UploadRetention"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UploadSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The trusted proxies as networks (a single address is a /32 or /128).</summary>
    public IReadOnlyList<IPNetwork> TrustedNetworks() => [.. TrustedProxies.Select(p => TryParseNetwork(p, out var network) ? network : throw new FormatException(p))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in TrustedProxies)
        {
            if (!TryParseNetwork(proxy, out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:TrustedProxies has '{proxy}', which is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8).", [nameof(TrustedProxies)]);
            }
        }

        foreach (var (name, limit) in new (string, RateLimit?)[]
        {
            (nameof(ConversationStartsPerAddress), ConversationStartsPerAddress),
            (nameof(SignInsPerAddress), SignInsPerAddress),
            (nameof(ActivitiesPerConversation), ActivitiesPerConversation),
            (nameof(UploadsPerConversation), UploadsPerConversation),
            (nameof(HandoffsPerCustomer), HandoffsPerCustomer),
        })
        {
            var key = $"{SectionName}:{name}";
            if ((limit is null ? $"{key} is missing." : limit.Problem(key)) is { } problem)
            {
                yield return new ValidationResult(problem, [name]);
            }
        }
    }

    private static bool TryParseNetwork(string text, out IPNetwork network)
    {
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }
}
