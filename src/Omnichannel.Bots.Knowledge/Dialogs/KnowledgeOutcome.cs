namespace Omnichannel.Bots.Knowledge;

/// <summary>What the knowledge dialog did with the customer's message, for the dialog that began it.</summary>
public enum KnowledgeOutcome
{
    /// <summary>Nothing yet: the dialog has not answered a message.</summary>
    None,

    /// <summary>A confident answer (or the article the customer picked) was sent.</summary>
    Answered,

    /// <summary>"Did you mean ...?": close articles were offered as options; nothing was answered yet.</summary>
    Clarified,

    /// <summary>The knowledge base had no confident answer; the closest topics and a person were offered.</summary>
    NotAnswered,

    /// <summary>The knowledge base could not be asked; the customer got an apology and a person was offered.</summary>
    Unavailable,

    /// <summary>A person takes over: the customer asked for one, or too many questions in a row went unanswered.</summary>
    HandedOff,
}
