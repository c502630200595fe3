namespace Omnichannel.Bots.Storage;

/// <summary>
/// Replies waiting to be sent. A row is sent at least once: it stays pending until marked sent, so a process killed
/// between the provider accepting it and <see cref="MarkSentAsync"/> sends it again after restart.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Pending rows due now, in id order, leaving out any row of a conversation whose earlier row is still waiting
    /// for a retry (so one conversation's replies are never reordered).
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> LoadDueAsync(int max, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, string? providerMessageId, CancellationToken cancellationToken);

    Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken);
}
