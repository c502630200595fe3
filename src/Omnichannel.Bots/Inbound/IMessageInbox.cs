namespace Omnichannel.Bots.Inbound;

/// <summary>
/// Where channels hand in customer messages. <see cref="SubmitAsync"/> returns as soon as the message is durably
/// stored (acknowledge the provider then); its turn runs after the conversation's earlier turns.
/// </summary>
public interface IMessageInbox
{
    /// <summary>
    /// Validates and stores the message, ignoring a provider's redelivery of one already stored. Throws
    /// <see cref="InboundMessageRejectedException"/> (nothing stored) when the message is malformed or its channel has no adapter.
    /// </summary>
    Task<InboxReceipt> SubmitAsync(BotMessage message, CancellationToken cancellationToken);

    /// <summary>Like <see cref="SubmitAsync"/>, then waits until the message's turn has committed.</summary>
    Task<TurnOutcome> SubmitAndWaitAsync(BotMessage message, CancellationToken cancellationToken);
}
