using System.Collections.Concurrent;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>Keeps every inbox entry whose turn started, as the inbox stored it (adapter test hosts register it as an <see cref="ITurnObserver"/>).</summary>
public sealed class RecordingTurnObserver : ITurnObserver
{
    private readonly ConcurrentQueue<InboxEntry> _started = new();

    public IReadOnlyList<InboxEntry> Started => [.. _started];

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        _started.Enqueue(entry);
        return ValueTask.CompletedTask;
    }
}
