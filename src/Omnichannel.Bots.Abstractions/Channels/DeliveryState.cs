namespace Omnichannel.Bots;

/// <summary>
/// Where an outbound message stands as far as its provider has told (<see cref="DeliveryReport"/>): the furthest status
/// it reached, when, and the provider's error for a failure. Shown with the message in transcripts.
/// </summary>
public sealed record DeliveryState(DeliveryStatus Status, DateTimeOffset At)
{
    /// <summary>The provider's error code when <see cref="Status"/> is <see cref="DeliveryStatus.Failed"/> (WhatsApp <c>131047</c>, Twilio <c>30003</c>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's words for the failure, or the outbox's when the send itself was refused.</summary>
    public string? ErrorMessage { get; init; }
}
