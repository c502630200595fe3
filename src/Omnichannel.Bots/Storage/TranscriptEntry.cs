namespace Omnichannel.Bots.Storage;

/// <summary>One row of a customer's transcript: a message in either direction, on the channel it used.</summary>
public sealed record TranscriptEntry(
    long Id,
    string ConversationId,
    string CustomerId,
    ChannelId Channel,
    MessageDirection Direction,
    BotMessage Message,
    DateTimeOffset At);
