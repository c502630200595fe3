namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>What the desk did to a ticket (see <see cref="TicketChange"/>).</summary>
public enum TicketChangeKind
{
    Claimed,
    Requeued,
    AgentMessage,
    Resolved,
    ReturnedToBot,
    Rated,
}
