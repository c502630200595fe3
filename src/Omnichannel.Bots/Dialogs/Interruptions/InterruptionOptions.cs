namespace Omnichannel.Bots;

/// <summary>Interruption words per channel: <see cref="InterruptionWords.Default"/> unless a channel has its own.</summary>
public sealed class InterruptionOptions
{
    private readonly Dictionary<ChannelId, InterruptionWords> _byChannel = new() { [ChannelId.Sms] = InterruptionWords.Sms };

    public InterruptionWords Default { get; set; } = InterruptionWords.Default;

    /// <summary>Sets the words for one channel.</summary>
    public InterruptionOptions ForChannel(ChannelId channel, InterruptionWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _byChannel[channel] = words;
        return this;
    }

    public InterruptionWords WordsFor(ChannelId channel) => _byChannel.TryGetValue(channel, out var words) ? words : Default;
}
