namespace Omnichannel.Bots.Storage;

/// <summary>A turn's request to move the conversation to a human queue.</summary>
public sealed record HandoffRequest(string Reason);
