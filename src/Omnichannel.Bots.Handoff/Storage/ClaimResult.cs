namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The result of an agent's claim: <see cref="Claimed"/> when this agent now owns the ticket; otherwise
/// <see cref="Ticket"/> shows who has it (or null when there is no such ticket).
/// </summary>
public sealed record ClaimResult(bool Claimed, HandoffTicket? Ticket);
