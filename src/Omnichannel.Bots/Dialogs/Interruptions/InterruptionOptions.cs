namespace Omnichannel.Bots;

/// <summary>
/// Interruption words: a channel's own (set here with <see cref="ForChannel"/>, else its profile's
/// <see cref="ChannelProfile.Interruptions"/>), else <see cref="Default"/>.
/// </summary>
public sealed class InterruptionOptions
{
    private readonly Dictionary<ChannelId, InterruptionWords> _byChannel = [];

    public InterruptionWords Default { get; set; } = InterruptionWords.Default;

    /// <summary>Sets the words for one channel, over its profile's.</summary>
    public InterruptionOptions ForChannel(ChannelId channel, InterruptionWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _byChannel[channel] = words;
        return this;
    }

    /// <summary>The words on the channel of <paramref name="profile"/>.</summary>
    public InterruptionWords WordsFor(ChannelProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _byChannel.TryGetValue(profile.Channel, out var words) ? words : profile.Interruptions ?? Default;
    }
}
