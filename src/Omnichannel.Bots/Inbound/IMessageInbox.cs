namespace Omnichannel.Bots.Inbound;

/// <summary>
/// Where channels hand in customer messages. <see cref="SubmitAsync"/> returns as soon as the message is durably
/// stored (acknowledge the provider then); its turn runs after the customer's earlier turns
/// (on any channel), in arrival order.
/// </summary>
public interface IMessageInbox
{
    /// <summary>
    /// Stores the checked message, ignoring a provider's redelivery of one already stored. Throws
    /// <see cref="InboundMessageRejectedException"/> (nothing stored) when its channel has no adapter. A channel holding
    /// a <see cref="BotMessage"/> calls the extension <see cref="MessageInboxExtensions.SubmitAsync"/>, which checks it.
    /// </summary>
    Task<InboxReceipt> SubmitAsync(InboundMessage message, CancellationToken cancellationToken);

    /// <summary>Like <see cref="SubmitAsync"/>, then waits until the message's turn has committed.</summary>
    Task<TurnOutcome> SubmitAndWaitAsync(InboundMessage message, CancellationToken cancellationToken);
}
