namespace Omnichannel.Bots;

/// <summary>
/// Reaches a customer first, or again after a long silence, outside any turn: bot code (a shipping notice, a reminder)
/// and the agent workspace use it. Each send asks the <see cref="ReachabilityPolicy"/> first and returns its refusal as
/// a <see cref="ProactiveResult"/> (an opt-out, a closed reply window: send a template on WhatsApp), never as an
/// exception; a message it lets through is rendered for the channel, written to the transcript and the outbox in one
/// transaction, and sent by the outbox, which asks the policy again before the send.
/// </summary>
public interface IProactiveMessenger
{
    /// <summary>Sends <paramref name="message"/> on an existing conversation; <see cref="ProactiveOutcome.NoConversation"/> when there is none.</summary>
    Task<ProactiveResult> SendAsync(string conversationId, ProactiveMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> to a chat (channel, account, chat id), which needs no earlier message there: the
    /// conversation is created when there is none, for the customer any of the recipient's identities already links to
    /// (a verified phone number or email), else for a new customer.
    /// </summary>
    Task<ProactiveResult> SendAsync(ProactiveRecipient recipient, ProactiveMessage message, CancellationToken cancellationToken);
}
