namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>Where an agent's reply goes (the channel the customer wrote on last) and, when it cannot go, why.</summary>
public sealed record ReplyTarget(string Channel, string ConversationId, bool CanReply, string? Problem);
