namespace Omnichannel.Bots;

/// <summary>
/// How fast a provider accepts messages, as data: per chat (Telegram: about one a second) and per bot account
/// (Telegram: 30 a second). The outbox keeps to both, delaying a burst and never dropping a message; null means the
/// provider states no limit.
/// </summary>
public sealed record ChannelPacing(MessageRate? PerChat, MessageRate? PerAccount)
{
    /// <summary>No pacing: every reply is sent as soon as it is due.</summary>
    public static ChannelPacing None { get; } = new(null, null);
}
