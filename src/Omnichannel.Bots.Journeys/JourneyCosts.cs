namespace Omnichannel.Bots.Journeys;

/// <summary>
/// What a journey costs (section <c>Journeys:Costs</c>), in one currency of your choice: every message either way
/// (the customer's, the bot's, an agent's) on a channel, and every minute an agent holds a ticket (claimed until
/// closed or re-queued).
/// </summary>
public sealed class JourneyCosts
{
    /// <summary>Cost per message by channel id (<c>Journeys:Costs:Messages:whatsapp</c>); a channel not listed costs nothing.</summary>
    public Dictionary<string, decimal> Messages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Cost per agent minute (<c>Journeys:Costs:AgentMinute</c>).</summary>
    public decimal AgentMinute { get; set; }
}
