namespace Omnichannel.Bots.Customers;

/// <summary>A code given to a customer: its hash, whose it is, where it was asked for and where it is to be used, and its life.</summary>
/// <param name="CodeHash">The code's SHA-256 (<see cref="LinkCodeText.Hash"/>); the code itself is never stored.</param>
/// <param name="CustomerId">The customer the sender of the code on the other channel is linked to.</param>
/// <param name="IssuedOn">The channel the customer asked on.</param>
/// <param name="Target">The channel the code is for.</param>
/// <param name="IssuedAt">When it was given.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record LinkCodeGrant(string CodeHash, string CustomerId, ChannelId IssuedOn, ChannelId Target, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
