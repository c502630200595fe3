namespace Omnichannel.Bots.Delivery;

/// <summary>
/// The one hook for providers' delivery statuses. A channel's status webhook hands each report in; it is recorded on
/// the outbound message the provider id names and shown with that message in the transcript. A report never moves a
/// message back (a late "delivered" after "read" is kept as history only).
/// </summary>
public interface IDeliveryReports
{
    /// <summary>
    /// Records the report; false when no outbound message carries that provider id yet (logged). Such a report is kept a
    /// while and attached if the outbox marks a send with that id: a provider can report before the send is recorded.
    /// Recording the same report again (a provider retrying its webhook) changes nothing.
    /// </summary>
    Task<bool> RecordAsync(DeliveryReport report, CancellationToken cancellationToken);
}
