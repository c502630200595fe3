namespace Omnichannel.Bots.Journeys;

/// <summary>Settings of journey events and metrics (section <c>Journeys</c>).</summary>
public sealed class JourneysOptions
{
    public const string SectionName = "Journeys";

    /// <summary>A journey not resolved ends when the customer is quiet for longer than this (default 24 hours, as the handoff packet's journey).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A resolved journey counts as resolved at first contact when the customer starts no new journey within this
    /// time after the resolution (default 7 days).
    /// </summary>
    public TimeSpan RepeatContactWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The cost table for cost per resolution.</summary>
    public JourneyCosts Costs { get; set; } = new();
}
