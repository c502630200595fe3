namespace Omnichannel.Bots.Handoff;

/// <summary>Where a handoff is: waiting in a queue, with an agent, or closed (resolved, or handed back to the bot).</summary>
public enum HandoffTicketStatus
{
    Queued,
    Assigned,
    Resolved,
    ReturnedToBot,
}
