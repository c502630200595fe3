namespace Omnichannel.Bots.Storage;

/// <summary>
/// An inbound message as the inbox holds it: durably accepted, not yet (or already) processed.
/// <see cref="Sequence"/> is the inbox's arrival order, the order in which turns of one conversation run.
/// </summary>
public sealed record InboxEntry(
    long Sequence,
    BotMessage Message,
    string ConversationId,
    string CustomerId,
    DateTimeOffset ReceivedAt);
