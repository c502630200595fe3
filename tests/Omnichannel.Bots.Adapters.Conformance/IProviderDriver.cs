namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// A driver whose adapter sends through a provider's API that can refuse a send (Telegram, WhatsApp, Messenger, SMS).
/// Implementing it declares that the provider error cases apply: 429 and 5xx retried honouring <c>Retry-After</c> on
/// <see cref="ConformanceSetup.Clock"/>, other 4xx never resent.
/// </summary>
public interface IProviderDriver : IAdapterDriver
{
    /// <summary>Makes the provider answer the next send it receives with <paramref name="answer"/> (later sends succeed); the refused send still counts as received in <see cref="IAdapterDriver.ReadOutboundAsync"/>.</summary>
    void AnswerNextSend(ProviderAnswer answer);
}
