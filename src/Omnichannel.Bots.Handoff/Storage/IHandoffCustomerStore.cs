namespace Omnichannel.Bots.Handoff;

/// <summary>What handoff reads of a customer beyond the turn: their identity keys and every conversation (for the packet and the channel to reply on).</summary>
public interface IHandoffCustomerStore
{
    /// <summary>The customer with every identity key linked to them; null when unknown.</summary>
    Task<CustomerRecord?> GetCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Every conversation of the customer with its last inbound and outbound times, most recent inbound first.</summary>
    Task<IReadOnlyList<CustomerConversation>> GetCustomerConversationsAsync(string customerId, CancellationToken cancellationToken);
}
