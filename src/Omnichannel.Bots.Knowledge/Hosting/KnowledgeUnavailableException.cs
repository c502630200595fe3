namespace Omnichannel.Bots.Knowledge;

/// <summary>The knowledge base cannot answer now: it never loaded (the store or the embedding service failed).</summary>
public sealed class KnowledgeUnavailableException : Exception
{
    public KnowledgeUnavailableException()
        : this("The knowledge base is not available.")
    {
    }

    public KnowledgeUnavailableException(string message)
        : base(message)
    {
    }

    public KnowledgeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
