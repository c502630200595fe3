namespace Omnichannel.Bots.Knowledge;

/// <summary>What the bot should do with a question, given the knowledge base's answer.</summary>
public enum KnowledgeDecision
{
    /// <summary>The best article is confident enough: answer from it.</summary>
    Answer,

    /// <summary>The top two articles are too close to tell apart: ask which one was meant.</summary>
    Clarify,

    /// <summary>Below the knowledge base's calibrated threshold: say so, offer the closest topics, count towards escalation.</summary>
    Decline,
}
