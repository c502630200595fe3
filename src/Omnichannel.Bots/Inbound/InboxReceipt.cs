namespace Omnichannel.Bots.Inbound;

/// <summary>The inbox's answer to a submitted message: stored under <see cref="Sequence"/>, or a duplicate.</summary>
public sealed record InboxReceipt(bool IsDuplicate, long Sequence);
