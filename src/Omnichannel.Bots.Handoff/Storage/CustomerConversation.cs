namespace Omnichannel.Bots.Handoff;

/// <summary>One of a customer's conversations with the times of the last message each way (null when none yet).</summary>
public sealed record CustomerConversation(
    ConversationRecord Conversation,
    DateTimeOffset? LastInboundAt,
    DateTimeOffset? LastOutboundAt);
