using System.Threading.Channels;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>A live feed of <see cref="DeskEvent"/>s; dispose it to stop. A reader that falls far behind loses the oldest events (and should reload).</summary>
public sealed class DeskSubscription : IDisposable
{
    private readonly Channel<DeskEvent> _events;
    private readonly Action<DeskSubscription> _unsubscribe;
    private int _disposed;

    internal DeskSubscription(int capacity, Action<DeskSubscription> unsubscribe)
    {
        _events = Channel.CreateBounded<DeskEvent>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<DeskEvent> Events => _events.Reader;

    internal void Publish(DeskEvent deskEvent) => _events.Writer.TryWrite(deskEvent);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _events.Writer.TryComplete();
            _unsubscribe(this);
        }
    }
}
