namespace Omnichannel.Bots.Storage;

/// <summary>Everything a turn reads before it runs.</summary>
public sealed record TurnSnapshot(
    ConversationRecord Conversation,
    CustomerRecord Customer,
    DialogStateRecord? DialogState);
