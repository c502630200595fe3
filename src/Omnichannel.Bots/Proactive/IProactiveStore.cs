using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage;

/// <summary>
/// What <see cref="IProactiveMessenger"/> reads and writes: conversations by id or by chat, and the messages, written
/// with the conversation (and its customer) when there is none yet, to the transcript and the outbox in one transaction.
/// </summary>
public interface IProactiveStore
{
    /// <summary>The conversation with <paramref name="conversationId"/>; null when there is none.</summary>
    Task<ConversationRecord?> GetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The conversation of one chat; null when there is none yet.</summary>
    Task<ConversationRecord?> FindConversationAsync(ChannelId channel, ConversationAddress address, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: finds the chat's conversation or creates it (for the customer any of
    /// <paramref name="identityClaims"/> already links to, else a new one; the claims are linked to that customer as for
    /// an inbound message), then writes <paramref name="messages"/> (addressed to the chat, each
    /// with an id of its own) to its transcript and outbox. Returns a <see cref="ProactiveOutcome.Queued"/> result.
    /// </summary>
    Task<ProactiveResult> QueueAsync(
        ChannelId channel,
        ConversationAddress address,
        IReadOnlyList<IdentityClaim> identityClaims,
        string? locale,
        IReadOnlyList<BotMessage> messages,
        DateTimeOffset at,
        CancellationToken cancellationToken);
}
