namespace Omnichannel.Bots.Handoff;

/// <summary>A customer's whole transcript and conversations, read once for everything one desk request builds from them.</summary>
public sealed record CustomerHistory(IReadOnlyList<TranscriptEntry> Transcript, IReadOnlyList<CustomerConversation> Conversations);
