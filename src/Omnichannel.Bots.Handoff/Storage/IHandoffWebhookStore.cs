namespace Omnichannel.Bots.Handoff;

/// <summary>The outbound handoff webhook's delivery bookkeeping, one delivery per ticket.</summary>
public interface IHandoffWebhookStore
{
    /// <summary>Tickets whose outbound webhook is due (never delivered, next attempt at or before <paramref name="now"/>), oldest first.</summary>
    Task<IReadOnlyList<HandoffTicket>> LoadWebhookDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Records a webhook attempt: delivered, retry at <paramref name="nextAttemptAt"/>, or given up (both null).</summary>
    Task MarkWebhookAsync(long id, bool delivered, string? error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);
}
