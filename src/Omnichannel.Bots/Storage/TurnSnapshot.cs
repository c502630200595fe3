namespace Omnichannel.Bots.Storage;

/// <summary>Everything a turn reads before it runs.</summary>
public sealed record TurnSnapshot(
    ConversationRecord Conversation,
    CustomerRecord Customer,
    DialogStateRecord? DialogState)
{
    /// <summary>The channel of the customer's latest earlier inbound message, on any conversation; null when this is their first.</summary>
    public ChannelId? PreviousChannel { get; init; }
}
