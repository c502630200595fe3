namespace Omnichannel.Bots.Storage;

/// <summary>Reads transcripts: one conversation's, or a customer's whole journey across channels.</summary>
public interface ITranscriptStore
{
    Task<IReadOnlyList<TranscriptEntry>> GetByCustomerAsync(string customerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TranscriptEntry>> GetByConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The customer's latest <paramref name="max"/> messages across channels, oldest first (for per-turn reads that need only the recent journey).</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetRecentByCustomerAsync(string customerId, int max, CancellationToken cancellationToken);
}
