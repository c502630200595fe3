using System.Collections.Concurrent;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Records every committed turn and every reply the channel accepted.</summary>
public sealed class TurnRecorder : ITurnObserver
{
    private readonly ConcurrentQueue<TurnOutcome> _committed = new();
    private readonly ConcurrentQueue<OutboxEntry> _sent = new();

    public IReadOnlyList<TurnOutcome> Committed => [.. _committed];

    public IReadOnlyList<OutboxEntry> Sent => [.. _sent];

    public ValueTask TurnCommittedAsync(TurnOutcome outcome, CancellationToken cancellationToken)
    {
        _committed.Enqueue(outcome);
        return ValueTask.CompletedTask;
    }

    public ValueTask MessageSentAsync(OutboxEntry entry, SendReceipt receipt, CancellationToken cancellationToken)
    {
        _sent.Enqueue(entry);
        return ValueTask.CompletedTask;
    }
}
