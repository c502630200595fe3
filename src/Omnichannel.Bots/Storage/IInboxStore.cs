using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage;

/// <summary>
/// The durable inbox. Appending deduplicates on (channel, account, provider message id), resolves the customer by
/// the identity claims the channel vouches for (linking them with their provenance, merging two customers a key shows are one) and the conversation by address, and stores the message, all in one transaction: when it returns,
/// the message survives a process kill.
/// </summary>
public interface IInboxStore
{
    Task<InboxAppendResult> AppendAsync(BotMessage message, IReadOnlyList<IdentityClaim> identityClaims, CancellationToken cancellationToken);

    /// <summary>
    /// Messages accepted but not yet processed, in sequence order (what a restarted process must run), including parked
    /// messages an operator put back; parked ones are not.
    /// </summary>
    Task<IReadOnlyList<InboxEntry>> LoadPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Parks a pending message whose turn could not be stored: it keeps <paramref name="error"/>, the attempts and the
    /// time, is never run again unless retried, and is not purged. A message no longer pending is left as it is.
    /// </summary>
    Task ParkAsync(long sequence, string error, int attempts, CancellationToken cancellationToken);

    /// <summary>
    /// Parked messages an operator put back (still pending) that no call returned yet, in sequence order; each is
    /// returned once. A message put back before <see cref="LoadPendingAsync"/> read it may be in both.
    /// </summary>
    Task<IReadOnlyList<InboxEntry>> ClaimRequeuedAsync(CancellationToken cancellationToken);

    /// <summary>Deletes processed inbox rows older than <paramref name="processedBefore"/>; their transcript rows stay.</summary>
    Task<int> PurgeProcessedAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken);
}
