using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The outbound handoff webhook (configuration <c>Handoff:Webhook</c>): every escalation's packet is POSTed to
/// <see cref="Url"/>, signed with HMAC-SHA256 over <c>timestamp + "." + deliveryId + "." + body</c> using <see cref="Secret"/>.
/// </summary>
public sealed class HandoffWebhookOptions
{
    /// <summary>Where to POST packets (https; plain http only to a loopback address); off when empty.</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared signing secret (required with <see cref="Url"/>; at least 16 characters).</summary>
    public string? Secret { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a packet is given up (retries back off from 5 seconds, doubling, up to 10 minutes).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;
}
