namespace Omnichannel.Bots.Customers;

/// <summary>What asking for a code to continue on another channel gave: the sentence to send, and the code when there is one.</summary>
/// <param name="Status">Issued, or why not.</param>
/// <param name="Text">One sentence for the customer: how to continue, or why they cannot.</param>
/// <param name="Code">The code as shown (<c>7KQ2M-X9P4D</c>) when issued.</param>
/// <param name="Link">The link that carries it, when the channel has one.</param>
/// <param name="ExpiresAt">When it stops working, when issued.</param>
public sealed record LinkCodeOffer(LinkCodeOfferStatus Status, string Text, string? Code = null, Uri? Link = null, DateTimeOffset? ExpiresAt = null);
