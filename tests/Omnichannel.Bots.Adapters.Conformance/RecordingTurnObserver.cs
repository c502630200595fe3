using System.Collections.Concurrent;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>Keeps every inbox entry whose turn started, as the inbox stored it (adapter test hosts register it as an <see cref="ITurnObserver"/>).</summary>
public sealed class RecordingTurnObserver : ITurnObserver
{
    private readonly ConcurrentQueue<InboxEntry> _started = new();

    public IReadOnlyList<InboxEntry> Started => [.. _started];

    /// <summary>The messages of <see cref="Started"/>, in order.</summary>
    public IReadOnlyList<BotMessage> StartedMessages => [.. _started.Select(entry => entry.Message)];

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        _started.Enqueue(entry);
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for the turn of the message with provider id <paramref name="providerMessageId"/> to start; returns its entry.</summary>
    public async Task<InboxEntry> WaitForAsync(string providerMessageId)
    {
        InboxEntry? entry = null;
        await Eventually.UntilAsync(
            () => (entry = _started.FirstOrDefault(e => e.Message.Id == providerMessageId)) is not null,
            $"the turn of message {providerMessageId} to start");
        return entry!;
    }
}
