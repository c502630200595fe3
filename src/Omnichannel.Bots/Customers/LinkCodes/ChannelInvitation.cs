namespace Omnichannel.Bots.Customers;

/// <summary>How a customer uses a link code on another channel.</summary>
/// <param name="Link">A link that opens the channel with the code filled in (<c>https://t.me/...?start=...</c>, <c>https://wa.me/...?text=...</c>); null when there is none (SMS).</param>
/// <param name="Instruction">One instruction without a full stop: "open https://wa.me/... and send the message", "text LINK 7KQ2M-X9P4D to +15551234567".</param>
public sealed record ChannelInvitation(Uri? Link, string Instruction);
