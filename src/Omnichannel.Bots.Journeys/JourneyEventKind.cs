namespace Omnichannel.Bots.Journeys;

/// <summary>What a journey event records (stored as its kebab-case text, see <see cref="JourneyEventKinds"/>).</summary>
public enum JourneyEventKind
{
    /// <summary>A customer's message (on <see cref="JourneyEvent.Channel"/>).</summary>
    MessageIn,

    /// <summary>Messages the bot queued to the customer (<see cref="JourneyEvent.Count"/> of them): replies, the desk's closing messages.</summary>
    BotMessages,

    /// <summary>The customer's message came on another channel than their previous one.</summary>
    ChannelSwitch,

    /// <summary>A turn handed the customer to people (a new ticket; joining an open one is not a new handoff).</summary>
    Handoff,

    /// <summary>An agent took the ticket.</summary>
    Claimed,

    /// <summary>The agent put the ticket back in a queue (transfer, reply timeout).</summary>
    Requeued,

    /// <summary>An agent's message to the customer.</summary>
    AgentMessage,

    /// <summary>The agent gave the customer back to the bot without resolving.</summary>
    ReturnedToBot,

    /// <summary>The journey was resolved: by the bot (no agent) or by an agent closing the ticket as resolved.</summary>
    Resolved,

    /// <summary>The customer's 1-5 rating of a ticket (<see cref="JourneyEvent.Score"/>).</summary>
    Rating,

    /// <summary>The customer gave a value (<see cref="JourneyEvent.Slot"/>).</summary>
    SlotGiven,

    /// <summary>The bot asked for a value (<see cref="JourneyEvent.Slot"/>).</summary>
    SlotAsked,
}
