using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots;

public static class MessageInboxExtensions
{
    /// <summary>
    /// Checks the message (<see cref="InboundMessage.TryCreate"/>; a malformed one faults the task with
    /// <see cref="InboundMessageRejectedException"/>, nothing stored) and hands it to <see cref="IMessageInbox.SubmitAsync"/>.
    /// </summary>
    public static Task<InboxReceipt> SubmitAsync(this IMessageInbox inbox, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        return InboundMessage.TryCreate(message, out var inbound, out var problems)
            ? inbox.SubmitAsync(inbound, cancellationToken)
            : Task.FromException<InboxReceipt>(new InboundMessageRejectedException(problems));
    }

    /// <summary>Checks the message like <see cref="SubmitAsync"/>, then <see cref="IMessageInbox.SubmitAndWaitAsync"/>.</summary>
    public static Task<TurnOutcome> SubmitAndWaitAsync(this IMessageInbox inbox, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        return InboundMessage.TryCreate(message, out var inbound, out var problems)
            ? inbox.SubmitAndWaitAsync(inbound, cancellationToken)
            : Task.FromException<TurnOutcome>(new InboundMessageRejectedException(problems));
    }
}
