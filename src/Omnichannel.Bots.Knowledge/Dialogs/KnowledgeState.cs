namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The knowledge dialog's state, kept with the customer's journey between visits (so the count of declined questions
/// in a row outlives each answer). When the dialog ends, <see cref="Outcome"/> tells the dialog that began it what
/// happened to the message.
/// </summary>
public sealed class KnowledgeState
{
    /// <summary>Questions in a row the knowledge base declined; reset by a confident answer and by a handoff.</summary>
    public int Declines { get; set; }

    /// <summary>The article answered last, if any.</summary>
    public string? LastArticleId { get; set; }

    /// <summary>What the last visit did with the customer's message.</summary>
    public KnowledgeOutcome Outcome { get; set; }
}
