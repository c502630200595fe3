namespace Omnichannel.Bots.Handoff;

/// <summary>An internal note on a handoff: agents see it, the customer never does.</summary>
public sealed record HandoffNote(long Id, long HandoffId, string AgentId, string Text, DateTimeOffset At);
