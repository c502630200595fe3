namespace Omnichannel.Bots;

/// <summary>
/// Which of the channel's windows an outbound message is sent in; the outbox sets it on each send after asking the
/// reachability policy, and the adapter tells the provider (Messenger's <c>HUMAN_AGENT</c> tag).
/// </summary>
public enum SendWindow
{
    /// <summary>The customer wrote within the channel's reply window (or the channel has none), or the message is a template.</summary>
    Standard,

    /// <summary>
    /// The standard window has closed and the message is a human agent's, within
    /// <see cref="ChannelCapabilities.HumanAgentReplyWindow"/> (Messenger: 7 days with the <c>HUMAN_AGENT</c> tag).
    /// </summary>
    HumanAgent,
}
