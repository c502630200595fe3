using System.Collections.Concurrent;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// The latest expiry of any token issued for each conversation, in this process: a stream stays open while its
/// conversation has an unexpired token (a client that refreshes its token keeps its stream). Conversations whose
/// latest token has expired are swept out as new ones arrive, so the map holds about the live conversations.
/// </summary>
internal sealed class ConversationTokenExpiries
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _latest = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _sweepAt = 1024;

    public ConversationTokenExpiries(TimeProvider time) => _time = time;

    /// <summary>A token for the conversation is valid until <paramref name="expiresAt"/>.</summary>
    public void Extend(string conversationId, DateTimeOffset expiresAt)
    {
        _latest.AddOrUpdate(conversationId, expiresAt, (_, known) => known >= expiresAt ? known : expiresAt);
        if (_latest.Count >= Volatile.Read(ref _sweepAt))
        {
            Sweep();
        }
    }

    /// <summary>The latest expiry known for the conversation, or <paramref name="atLeast"/> if that is later.</summary>
    public DateTimeOffset Latest(string conversationId, DateTimeOffset atLeast) =>
        _latest.TryGetValue(conversationId, out var latest) && latest > atLeast ? latest : atLeast;

    /// <summary>Drops the conversations without an unexpired token; the next sweep waits until the map has doubled.</summary>
    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (conversationId, expiresAt) in _latest)
        {
            if (expiresAt <= now)
            {
                _latest.TryRemove(new KeyValuePair<string, DateTimeOffset>(conversationId, expiresAt));
            }
        }

        Volatile.Write(ref _sweepAt, Math.Max(1024, _latest.Count * 2));
    }
}
