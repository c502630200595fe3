using System.Net;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// Drives one adapter for the conformance suite: a host running the adapter and the suite's dialog (started by the
/// test class's <c>StartAsync</c> with a <see cref="ConformanceSetup"/>), reached the way its provider or client
/// reaches it. Everything here is channel-neutral: customers are the suite's keys, messages are normalized.
/// </summary>
public interface IAdapterDriver : IAsyncDisposable
{
    /// <summary>What applies to this adapter; the suite generates its cases from it (static, so xUnit can list them).</summary>
    static abstract AdapterTraits Traits { get; }

    /// <summary>The running host's services (its SQLite database, inbox and outbox, which the suite counts and waits on).</summary>
    IServiceProvider Services { get; }

    /// <summary>Delivers a customer's text or button press in the provider's format (signed as <see cref="InboundDelivery.Credential"/> says); returns the endpoint's status.</summary>
    Task<HttpStatusCode> DeliverAsync(InboundDelivery delivery);

    /// <summary>Posts <paramref name="body"/> as is to the inbound endpoint, with a valid credential for exactly these bytes and the endpoint's usual content type; returns its status.</summary>
    Task<HttpStatusCode> PostRawAsync(ReadOnlyMemory<byte> body);

    /// <summary>
    /// Every message the provider or client received for <paramref name="customer"/> so far, in order, normalized;
    /// for a provider channel that includes sends it refused (each attempt is one entry).
    /// </summary>
    Task<IReadOnlyList<OutboundMessage>> ReadOutboundAsync(string customer);
}
