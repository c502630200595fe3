using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// Watches the life of each turn (for metrics, tracing, tests). Observers run inline on the turn's path, so keep
/// them fast; an exception from one is logged and does not fail the turn.
/// </summary>
public interface ITurnObserver
{
    /// <summary>The message is durably in the inbox and its turn is about to run.</summary>
    ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The turn's state, transcript and outbox rows are committed; nothing is sent yet.</summary>
    ValueTask TurnCommittedAsync(TurnOutcome outcome, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// The provider accepted a reply; the outbox row is not yet marked sent. Not called for replies a channel delivers
    /// inside the turn commit (web chat's, written straight to its activity log): those are delivered at
    /// <see cref="TurnCommittedAsync"/>.
    /// </summary>
    ValueTask MessageSentAsync(OutboxEntry entry, SendReceipt receipt, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
