namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>What changed: a ticket (queued, claimed, re-queued, transferred, closed), a new transcript message, or a note.</summary>
public enum DeskEventKind
{
    Ticket,
    Message,
    Note,
}
