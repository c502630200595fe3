namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>The desk's live feed inside one process: every change is published to every subscription.</summary>
public sealed class DeskEvents
{
    private const int SubscriptionCapacity = 1000;

    private readonly Lock _lock = new();
    private List<DeskSubscription> _subscriptions = [];

    public DeskSubscription Subscribe()
    {
        var subscription = new DeskSubscription(SubscriptionCapacity, Unsubscribe);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    public void Publish(DeskEvent deskEvent)
    {
        ArgumentNullException.ThrowIfNull(deskEvent);
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Publish(deskEvent);
        }
    }

    private void Unsubscribe(DeskSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }
}
