namespace Omnichannel.Bots.Handoff;

/// <summary>
/// How an agent closes a handoff, and the messages the customer gets with it (the bot's disclosure that it is back,
/// the CSAT question), queued for delivery in the same transaction that gives the conversation back to the bot.
/// </summary>
public sealed record HandoffClosing(string AgentId, HandoffTicketStatus Status, IReadOnlyList<BotMessage> Messages)
{
    /// <summary>True when <see cref="Messages"/> ask the customer for a 1-5 rating.</summary>
    public bool AsksForCsat { get; init; }
}
