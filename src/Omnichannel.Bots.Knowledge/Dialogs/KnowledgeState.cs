namespace Omnichannel.Bots.Knowledge;

/// <summary>The knowledge dialog's state, saved with the customer's journey.</summary>
public sealed class KnowledgeState
{
    /// <summary>Questions in a row the knowledge base declined; reset by a confident answer and by a handoff.</summary>
    public int Declines { get; set; }

    /// <summary>The article answered last, if any.</summary>
    public string? LastArticleId { get; set; }
}
