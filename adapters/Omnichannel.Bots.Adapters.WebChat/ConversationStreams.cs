using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Who is listening to which conversation right now (open WebSockets), in this process. A listener is woken when
/// the conversation's log has new entries and reads them from the log itself, so what it sends is always complete
/// and in order; typing indicators, which are not stored, are handed over directly.
/// </summary>
internal sealed class ConversationStreams
{
    /// <summary>A listener more than this many signals behind is dropped; its client reconnects from its watermark.</summary>
    private const int MaxPendingSignals = 1024;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Listener, byte>> _listeners = new(StringComparer.Ordinal);

    public Listener Listen(string conversationId)
    {
        var listener = new Listener(this, conversationId);
        _listeners.GetOrAdd(conversationId, _ => new ConcurrentDictionary<Listener, byte>()).TryAdd(listener, 0);
        return listener;
    }

    /// <summary>The conversation's log has new entries.</summary>
    public void Appended(string conversationId) => Signal(conversationId, StreamSignal.LogChanged);

    /// <summary>A transient activity (typing) for whoever listens now, as the frame to send.</summary>
    public void Transient(string conversationId, string frame) => Signal(conversationId, new StreamSignal(frame));

    private void Signal(string conversationId, StreamSignal signal)
    {
        if (!_listeners.TryGetValue(conversationId, out var listeners))
        {
            return;
        }

        foreach (var listener in listeners.Keys)
        {
            if (!listener.Signals.Writer.TryWrite(signal))
            {
                listener.Signals.Writer.TryComplete(new InvalidOperationException("The stream fell too far behind."));
            }
        }
    }

    private void Remove(Listener listener)
    {
        if (_listeners.TryGetValue(listener.ConversationId, out var listeners))
        {
            listeners.TryRemove(listener, out _);
            if (listeners.IsEmpty)
            {
                _listeners.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Listener, byte>>(listener.ConversationId, listeners));
            }
        }
    }

    internal sealed class Listener : IDisposable
    {
        private readonly ConversationStreams _owner;

        public Listener(ConversationStreams owner, string conversationId)
        {
            _owner = owner;
            ConversationId = conversationId;
        }

        public string ConversationId { get; }

        public Channel<StreamSignal> Signals { get; } = Channel.CreateBounded<StreamSignal>(new BoundedChannelOptions(MaxPendingSignals)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        public void Dispose()
        {
            _owner.Remove(this);
            Signals.Writer.TryComplete();
        }
    }
}

/// <summary>Either "the log changed" (<see cref="Transient"/> null) or a typing activity's frame to pass on.</summary>
internal sealed record StreamSignal(string? Transient)
{
    public static StreamSignal LogChanged { get; } = new((string?)null);
}
