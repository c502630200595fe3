namespace Omnichannel.Bots;

/// <summary>
/// The registered channel adapters, one per channel, and the channel profiles the bot knows: each adapter's, and those
/// registered as data (<see cref="BotBuilder.AddChannelProfile"/>) for channels whose conversations the bot keeps
/// without an adapter here. A channel has no fallback profile: one the bot does not know is an error naming it.
/// </summary>
public sealed class ChannelRegistry
{
    private readonly Dictionary<ChannelId, ChannelAdapter> _adapters = [];
    private readonly Dictionary<ChannelId, ChannelProfile> _profiles = [];

    public ChannelRegistry(IEnumerable<ChannelAdapter> adapters, IEnumerable<ChannelProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        ArgumentNullException.ThrowIfNull(profiles);
        foreach (var adapter in adapters)
        {
            var profile = adapter.Profile ?? throw new InvalidOperationException(
                $"The channel adapter {adapter.GetType().Name} has no channel profile; return its channel's profile (what the channel can show, its keywords) from Profile.");
            if (profile.Channel.Equals(default(ChannelId)))
            {
                throw new InvalidOperationException($"The channel profile of adapter {adapter.GetType().Name} names no channel.");
            }

            if (!_adapters.TryAdd(profile.Channel, adapter) && !ReferenceEquals(_adapters[profile.Channel], adapter))
            {
                throw new InvalidOperationException(
                    $"Two adapters are registered for channel '{profile.Channel}': {_adapters[profile.Channel].GetType().Name} and {adapter.GetType().Name}.");
            }

            _profiles[profile.Channel] = profile;
        }

        foreach (var profile in profiles)
        {
            // An adapter's own profile wins over one registered as data.
            _profiles.TryAdd(profile.Channel, profile);
        }
    }

    public IReadOnlyCollection<ChannelAdapter> Adapters => _adapters.Values;

    public bool TryGet(ChannelId channel, out ChannelAdapter adapter) => _adapters.TryGetValue(channel, out adapter!);

    /// <summary>The profile of <paramref name="channel"/>: its adapter's, or one registered as data.</summary>
    public bool TryGetProfile(ChannelId channel, out ChannelProfile profile) => _profiles.TryGetValue(channel, out profile!);

    /// <summary>The profile of <paramref name="channel"/>; throws, naming the channel, when the bot knows none.</summary>
    public ChannelProfile ProfileFor(ChannelId channel) =>
        _profiles.TryGetValue(channel, out var profile)
            ? profile
            : throw new InvalidOperationException(
                $"No channel profile is registered for channel '{channel}': add its adapter, or register its profile with AddChannelProfile(...).");
}
