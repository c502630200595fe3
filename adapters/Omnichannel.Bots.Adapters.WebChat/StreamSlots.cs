using System.Collections.Concurrent;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Open WebSocket streams per Direct Line token (<c>Limits:StreamsPerToken</c>). Past the cap a new stream is refused
/// and the open ones keep running: a reader already showing the chat is never cut off by another tab or a client
/// that reconnects in a loop, and a stream whose client vanished frees its slot when its next heartbeat fails.
/// </summary>
internal sealed class StreamSlots
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A slot for one more stream of <paramref name="token"/>, or null when it has <paramref name="max"/> open.</summary>
    public IDisposable? TryTake(string token, int max)
    {
        while (true)
        {
            var open = _open.GetOrAdd(token, 0);
            if (open >= max)
            {
                return null;
            }

            if (_open.TryUpdate(token, open + 1, open))
            {
                return new Slot(this, token);
            }
        }
    }

    private void Release(string token)
    {
        while (_open.TryGetValue(token, out var open))
        {
            if (_open.TryUpdate(token, open - 1, open))
            {
                if (open == 1)
                {
                    _open.TryRemove(new KeyValuePair<string, int>(token, 0));
                }

                return;
            }
        }
    }

    private sealed class Slot(StreamSlots owner, string token) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(token);
            }
        }
    }
}
