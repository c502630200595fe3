namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// One handoff as an agent works it: the summary, the context packet (as at the handoff), the live transcript (the
/// whole journey, including messages since the handoff), internal notes, and where a reply would go.
/// </summary>
public sealed record TicketDetail(
    TicketSummary Ticket,
    HandoffPacket Packet,
    IReadOnlyList<PacketMessage> Transcript,
    IReadOnlyList<HandoffNote> Notes,
    ReplyTarget Reply);
