namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>A live update for the agent workspace; exactly one of <see cref="Ticket"/>, <see cref="Message"/>, <see cref="Note"/> is set, by <see cref="Kind"/>.</summary>
public sealed record DeskEvent(DeskEventKind Kind, long TicketId)
{
    /// <summary>The ticket's queue when the event happened: who may see the event (<see cref="AgentIdentity.MayActOn"/>).</summary>
    public string? Queue { get; init; }

    public TicketSummary? Ticket { get; init; }

    public PacketMessage? Message { get; init; }

    public HandoffNote? Note { get; init; }
}
