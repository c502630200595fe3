namespace Omnichannel.Bots.Knowledge;

/// <summary>What shape a composed knowledge reply has.</summary>
public enum KnowledgeReplyKind
{
    /// <summary>An article's answer with its citation and related articles.</summary>
    Answer,

    /// <summary>"Did you mean ...?" with the close articles as options.</summary>
    Clarify,

    /// <summary>"I'm not sure ..." with the closest topics and a person as options; counts towards escalation.</summary>
    Decline,

    /// <summary>The knowledge base could not be asked; a person is offered.</summary>
    Unavailable,
}
