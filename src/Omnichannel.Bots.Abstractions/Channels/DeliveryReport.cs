namespace Omnichannel.Bots;

/// <summary>
/// A provider's report about one outbound message, identified by the id the provider gave it when it was sent
/// (<see cref="SendReceipt.ProviderMessageId"/>): a WhatsApp status webhook, a Messenger delivery/read event, a
/// Twilio status callback.
/// </summary>
public sealed record DeliveryReport(ChannelId Channel, string ProviderMessageId, DeliveryStatus Status, DateTimeOffset At)
{
    /// <summary>The provider's error code for <see cref="DeliveryStatus.Failed"/> (WhatsApp <c>131047</c>, Twilio <c>30003</c>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's words for the failure.</summary>
    public string? ErrorMessage { get; init; }
}
