namespace Omnichannel.Bots.Handoff;

/// <summary>
/// One channel of the journey and whether a reply can reach the customer there now: <see cref="ReplyWindowOpen"/> is
/// false past a channel's reply window (WhatsApp and Messenger: 24 hours after the customer's last message) and
/// <see cref="OptedOut"/> is true after an SMS STOP.
/// </summary>
public sealed record PacketChannel
{
    public required string Channel { get; init; }

    public required string ConversationId { get; init; }

    public DateTimeOffset? LastCustomerMessageAt { get; init; }

    public required bool ReplyWindowOpen { get; init; }

    /// <summary>When the reply window closes; null for channels without one.</summary>
    public DateTimeOffset? ReplyWindowClosesAt { get; init; }

    public bool OptedOut { get; init; }

    /// <summary>True for the channel an agent's reply goes to (the one the customer wrote on last).</summary>
    public bool Current { get; init; }
}
