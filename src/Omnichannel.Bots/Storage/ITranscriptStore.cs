namespace Omnichannel.Bots.Storage;

/// <summary>Reads transcripts: one conversation's, or a customer's whole journey across channels.</summary>
public interface ITranscriptStore
{
    Task<IReadOnlyList<TranscriptEntry>> GetByCustomerAsync(string customerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TranscriptEntry>> GetByConversationAsync(string conversationId, CancellationToken cancellationToken);
}
