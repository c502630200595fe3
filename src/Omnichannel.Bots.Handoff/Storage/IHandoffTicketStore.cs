namespace Omnichannel.Bots.Handoff;

/// <summary>
/// Reads handoff tickets: one handoff of a customer's journey to people, created by the turn that escalated (handoff's
/// share of the turn commit). The desk changes them through <see cref="IHandoffDeskStore"/>.
/// </summary>
public interface IHandoffTicketStore
{
    Task<HandoffTicket?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Queued and assigned tickets, in no particular order.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>The customer's most recent ticket, open or closed; null when they never had one.</summary>
    Task<HandoffTicket?> FindLatestForCustomerAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>The customer's tickets queued at or after <paramref name="since"/>, open or closed, oldest first (for <c>Limits:HandoffsPerCustomer</c>).</summary>
    Task<IReadOnlyList<HandoffTicket>> ListForCustomerSinceAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Tickets closed since <paramref name="since"/>, newest first (for wait estimates).</summary>
    Task<IReadOnlyList<HandoffTicket>> ListClosedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
