namespace Omnichannel.Bots.Storage;

/// <summary>A parked inbound message as an operator sees it: its inbox id, where it came from, and why it was parked.</summary>
public sealed record ParkedMessage(
    long Sequence,
    ChannelId Channel,
    ConversationAddress Conversation,
    int Attempts,
    DateTimeOffset ParkedAt,
    string Error);
