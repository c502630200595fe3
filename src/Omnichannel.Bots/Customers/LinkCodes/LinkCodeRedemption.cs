namespace Omnichannel.Bots.Customers;

/// <summary>What sending a code on another channel did.</summary>
/// <param name="Linked">True when the sender's channel now belongs to the code's customer.</param>
/// <param name="Claim">What the store said about the code.</param>
/// <param name="Text">One sentence for the customer: it worked, or why not.</param>
/// <param name="Link">The link made (with the merge it caused), when one was made now.</param>
public sealed record LinkCodeRedemption(bool Linked, LinkCodeClaimStatus Claim, string Text, LinkResult? Link = null);
