namespace Omnichannel.Bots.Knowledge.StoreConformance;

/// <summary>A request or response that breaks Qdrant's OpenAPI contract; <see cref="Errors"/> has one line per error, each with its JSON path.</summary>
public sealed class QdrantContractException : Exception
{
    public QdrantContractException()
    {
        Errors = [];
    }

    public QdrantContractException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public QdrantContractException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public QdrantContractException(string message, IReadOnlyList<string> errors)
        : base(message)
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
