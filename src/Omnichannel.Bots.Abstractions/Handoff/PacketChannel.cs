namespace Omnichannel.Bots.Handoff;

/// <summary>
/// One channel of the journey and whether an agent's reply can reach the customer there now: <see cref="ReplyWindowOpen"/>
/// is false past the window a human agent has on the channel (WhatsApp: 24 hours after the customer's last message;
/// Messenger: 7 days, its human agent window) and <see cref="OptedOut"/> is true after an SMS STOP.
/// </summary>
public sealed record PacketChannel
{
    public required string Channel { get; init; }

    public required string ConversationId { get; init; }

    public DateTimeOffset? LastCustomerMessageAt { get; init; }

    public required bool ReplyWindowOpen { get; init; }

    /// <summary>When the agent's reply window closes (or closed); null for channels without one.</summary>
    public DateTimeOffset? ReplyWindowClosesAt { get; init; }

    public bool OptedOut { get; init; }

    /// <summary>True for the channel an agent's reply goes to (the one the customer wrote on last).</summary>
    public bool Current { get; init; }
}
