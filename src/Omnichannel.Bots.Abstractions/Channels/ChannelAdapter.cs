namespace Omnichannel.Bots;

/// <summary>
/// A channel's connection to its provider. Outbound, <see cref="SendAsync"/> delivers one message that the
/// runtime has already rendered for <see cref="Profile"/> (text within the limit, choices within the button count).
/// Inbound, webhook channels verify and normalize requests; push-style channels (a console, long polling) feed the
/// runtime's inbox from a hosted service.
/// </summary>
public abstract class ChannelAdapter
{
    public abstract ChannelProfile Profile { get; }

    public ChannelId Channel => Profile.Channel;

    /// <summary>
    /// Delivers one rendered message. Throws <see cref="ChannelSendException"/> when the provider refuses it, saying
    /// whether a retry can help.
    /// </summary>
    public abstract Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken);
}
