namespace Omnichannel.Bots.Storage;

/// <summary>Who answers a conversation's next inbound message.</summary>
public enum ConversationOwner
{
    Bot,

    /// <summary>Waiting in a human queue; the bot stays silent.</summary>
    Queued,

    Agent,
}
