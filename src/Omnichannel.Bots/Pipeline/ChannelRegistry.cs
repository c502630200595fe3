namespace Omnichannel.Bots;

/// <summary>The registered channel adapters, one per channel.</summary>
public sealed class ChannelRegistry
{
    private readonly Dictionary<ChannelId, ChannelAdapter> _adapters = [];

    public ChannelRegistry(IEnumerable<ChannelAdapter> adapters)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        foreach (var adapter in adapters)
        {
            if (!_adapters.TryAdd(adapter.Channel, adapter) && !ReferenceEquals(_adapters[adapter.Channel], adapter))
            {
                throw new InvalidOperationException(
                    $"Two adapters are registered for channel '{adapter.Channel}': {_adapters[adapter.Channel].GetType().Name} and {adapter.GetType().Name}.");
            }
        }
    }

    public IReadOnlyCollection<ChannelAdapter> Adapters => _adapters.Values;

    public bool TryGet(ChannelId channel, out ChannelAdapter adapter) => _adapters.TryGetValue(channel, out adapter!);
}
