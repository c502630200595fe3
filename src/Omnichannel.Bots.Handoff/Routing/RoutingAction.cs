namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>What the routing decision lets happen with a turn.</summary>
public enum RoutingAction
{
    /// <summary>The bot answers (the default when no rule matches).</summary>
    Answer,

    /// <summary>The bot asks a clarifying question (the rule's text and choices) instead of answering.</summary>
    Clarify,

    /// <summary>A human queue takes the conversation.</summary>
    Escalate,
}
