namespace Omnichannel.Bots.Storage;

/// <summary>
/// The durable facts behind <see cref="ReachabilityPolicy"/>. A provider records opt-outs and opt-ins (the whole
/// message is one of the channel profile's <see cref="ChannelProfile.OptOutKeywords"/> or
/// <see cref="ChannelProfile.OptInKeywords"/>) in the transaction of the turn that stores the customer's message, and
/// treats an unreachable mark as gone once the customer has written on the conversation after it was set. Reads are
/// made for every outbox send, so keep them to a key lookup.
/// </summary>
public interface IReachabilityStore
{
    /// <summary>The conversation's stored facts; <see cref="ConversationReach.None"/> when nothing is stored.</summary>
    Task<ConversationReach> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records that the provider cannot reach the conversation's chat (replacing an earlier mark).</summary>
    Task MarkUnreachableAsync(string conversationId, UnreachableMark mark, CancellationToken cancellationToken);

    /// <summary>
    /// Records an opt-out the provider reported (<see cref="ChannelSendException.OptedOut"/>), keeping an earlier one's
    /// time; it is lifted like a keyword opt-out, by an opt-in message.
    /// </summary>
    Task MarkOptedOutAsync(string conversationId, DateTimeOffset at, CancellationToken cancellationToken);
}
