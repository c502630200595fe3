namespace Omnichannel.Bots;

/// <summary>Why a message cannot reach the customer on a conversation now; each asks something different of the agent.</summary>
public enum ReachProblemKind
{
    /// <summary>The bot has no adapter for the conversation's channel (not enabled here): nothing can be delivered there.</summary>
    NoAdapter,

    /// <summary>The provider said the chat cannot be reached (the customer blocked the bot); clears when they write again.</summary>
    Unreachable,

    /// <summary>The customer opted out (SMS STOP); clears when they opt in again (START).</summary>
    OptedOut,

    /// <summary>
    /// The sender's window since the customer's last message has closed (the bot's reply window, or a human agent's);
    /// clears when they write again, and on a channel with templates a template still goes.
    /// </summary>
    ReplyWindowClosed,

    /// <summary>The message is a template and the channel sends none: send it as ordinary text instead.</summary>
    TemplatesUnsupported,
}
