using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Handoff;

/// <summary>The handoff layer's settings (configuration section <c>Handoff</c>).</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>The routing rules file (YAML), resolved against the content root; the built-in rules when empty.</summary>
    public string? RulesPath { get; set; }

    /// <summary>Reload the rules file when it changes (on by default).</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// A regular expression for the shop's order numbers, so they are picked out of the customer's messages for the
    /// packet; the default finds forms like <c>#12345</c>, <c>A-1042</c>, <c>order 5551234</c>.
    /// </summary>
    public string? OrderNumberPattern { get; set; }

    /// <summary>
    /// Customers by tier, for rules on <c>tier</c>: <c>"Tiers": { "vip": ["email:jane@example.com", "phone:+15551234567"] }</c>
    /// (identity keys as the bot links them). Register an <c>ICustomerTierProvider</c> to look tiers up elsewhere.
    /// </summary>
    public IDictionary<string, IList<string>> Tiers { get; } = new Dictionary<string, IList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>After a conversation is returned to the bot, how long the customer must be quiet before the bot asks for a 1-5 rating.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CsatAfterQuiet { get; set; } = TimeSpan.FromMinutes(15);

    public HandoffWebhookOptions Webhook { get; set; } = new();

    /// <summary>What the customer is told around a handoff (set in code).</summary>
    public HandoffTexts Texts { get; } = new();
}
