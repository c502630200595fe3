using System.Collections.Concurrent;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>Keeps every inbound message whose turn started, as the inbox stored it.</summary>
public sealed class RecordingTurnObserver : ITurnObserver
{
    private readonly ConcurrentQueue<BotMessage> _started = new();

    public IReadOnlyList<BotMessage> Started => [.. _started];

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        _started.Enqueue(entry.Message);
        return ValueTask.CompletedTask;
    }
}
