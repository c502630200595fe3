namespace Omnichannel.Bots.Adapters.Meta;

/// <summary>A Graph API call that failed: refused with Meta's <see cref="Error"/>, or not answered at all (<see cref="Error"/> null).</summary>
public sealed class GraphApiException : Exception
{
    public GraphApiException(string message, GraphApiError? error, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>What Meta answered; null when the call got no answer (a network failure, a timeout).</summary>
    public GraphApiError? Error { get; }
}
