namespace Omnichannel.Bots.Storage;

/// <summary>
/// A conversation on one channel, belonging to one customer. <see cref="OwnerEpoch"/> grows with every change of
/// <see cref="Owner"/>; a reply drafted under an older epoch is dropped.
/// </summary>
public sealed record ConversationRecord(
    string Id,
    ChannelId Channel,
    ConversationAddress Address,
    string CustomerId,
    ConversationOwner Owner,
    long OwnerEpoch,
    OfferedChoices? OfferedChoices,
    string? Locale);
