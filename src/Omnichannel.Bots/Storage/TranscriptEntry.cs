namespace Omnichannel.Bots.Storage;

/// <summary>
/// One row of a customer's transcript: a message in either direction, on the channel it used. An outbound message
/// written by a human agent has the agent as <see cref="BotMessage.Sender"/>; an inbound message carries what its
/// turn learned (<see cref="Insights"/>, null for turns that did not run the bot); an outbound message carries how far
/// it got (<see cref="Delivery"/>).
/// </summary>
public sealed record TranscriptEntry(
    long Id,
    string ConversationId,
    string CustomerId,
    ChannelId Channel,
    MessageDirection Direction,
    BotMessage Message,
    DateTimeOffset At)
{
    public TurnInsights? Insights { get; init; }

    /// <summary>
    /// An outbound message's delivery state: sent once the outbox handed it over, then as its provider reports
    /// (delivered, read, failed with the provider's code); null for inbound messages and replies not sent yet.
    /// </summary>
    public DeliveryState? Delivery { get; init; }
}
