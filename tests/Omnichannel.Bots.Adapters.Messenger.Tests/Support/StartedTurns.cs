using System.Collections.Concurrent;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>The inbox entries whose turn started, by provider message id, for tests that read what the inbox stored.</summary>
public sealed class StartedTurns : ITurnObserver
{
    private readonly ConcurrentDictionary<string, InboxEntry> _byId = new(StringComparer.Ordinal);

    public IReadOnlyCollection<InboxEntry> All => [.. _byId.Values];

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _byId.TryAdd(entry.Message.Id, entry);
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for the turn of the message with provider id <paramref name="id"/>.</summary>
    public async Task<InboxEntry> WaitForAsync(string id)
    {
        InboxEntry? entry = null;
        await Eventually.UntilAsync(() => _byId.TryGetValue(id, out entry), $"the turn of Messenger message {id} to start");
        return entry!;
    }
}
