namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

/// <summary>
/// Counts the requests the store's HttpClient sends, each retry included. It counts on the client's side, as a request
/// leaves, so when the store's call has returned (or thrown) the count is final: no later request can add to it.
/// </summary>
internal sealed class AttemptCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Sits inside the resilience handler, so it sees every attempt.</summary>
    internal sealed class Handler(AttemptCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
