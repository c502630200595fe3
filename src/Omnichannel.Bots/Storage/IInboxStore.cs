namespace Omnichannel.Bots.Storage;

/// <summary>
/// The durable inbox. Appending deduplicates on (channel, account, provider message id), resolves the customer by
/// identity keys and the conversation by address, and stores the message, all in one transaction: when it returns,
/// the message survives a process kill.
/// </summary>
public interface IInboxStore
{
    Task<InboxAppendResult> AppendAsync(BotMessage message, IReadOnlyList<string> identityKeys, CancellationToken cancellationToken);

    /// <summary>Messages accepted but not yet processed, in sequence order (what a restarted process must run).</summary>
    Task<IReadOnlyList<InboxEntry>> LoadPendingAsync(CancellationToken cancellationToken);

    /// <summary>Deletes processed inbox rows older than <paramref name="processedBefore"/>; their transcript rows stay.</summary>
    Task<int> PurgeProcessedAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken);
}
