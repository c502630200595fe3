namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// An embedding service failed: the key was rejected, the endpoint could not be reached or timed out, it answered with
/// an error status, or its answer was not an embeddings response. The message says which and names the setting to
/// check; <see cref="IsTransient"/> says whether trying again later can succeed.
/// </summary>
public sealed class EmbeddingServiceException : Exception
{
    public EmbeddingServiceException(string message, bool isTransient, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
    }

    /// <summary>Whether a later attempt can succeed (timeouts, 429, 5xx, network errors).</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status of the failed response, if there was one.</summary>
    public int? StatusCode { get; }
}
