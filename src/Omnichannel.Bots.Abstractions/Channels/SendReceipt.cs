namespace Omnichannel.Bots;

/// <summary>The provider's acknowledgement of a send: its id for the message, when it gives one.</summary>
public sealed record SendReceipt(string? ProviderMessageId);
