using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Identity;

/// <summary>
/// The keys that link a sender to one customer, each with the channel's word for how it was verified. Every sender has
/// a channel key (<c>telegram:12345</c>, <see cref="IdentityProvenance.ChannelAddress"/>); a sender whose channel
/// verified a phone number or email (<see cref="Participant.PhoneNumberProvenance"/>, <see cref="Participant.EmailProvenance"/>)
/// also has <c>phone:+15551234567</c> or <c>email:jane@example.com</c>, so the same phone on SMS and WhatsApp is the
/// same customer. A phone or email without a provenance (typed in a chat, an unsigned web visitor's) gives no key.
/// </summary>
public static class IdentityKeys
{
    public static IReadOnlyList<IdentityClaim> For(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = message.Sender ?? throw new ArgumentException("An inbound message has a sender.", nameof(message));
        return For(message.Channel, sender);
    }

    /// <summary>The claims <paramref name="channel"/> vouches for about <paramref name="sender"/> (its id there, and the verified phone and email).</summary>
    public static IReadOnlyList<IdentityClaim> For(ChannelId channel, Participant sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var claims = new List<IdentityClaim>(3) { new(ForChannel(channel, sender.Id), IdentityProvenance.ChannelAddress, channel) };
        if (!string.IsNullOrEmpty(sender.PhoneNumber) && sender.PhoneNumberProvenance is { } phone)
        {
            claims.Add(new IdentityClaim(ForPhone(sender.PhoneNumber), phone, channel));
        }

        if (!string.IsNullOrEmpty(sender.Email) && sender.EmailProvenance is { } email)
        {
            claims.Add(new IdentityClaim(ForEmail(sender.Email), email, channel));
        }

        return claims;
    }

    public static string ForChannel(ChannelId channel, string senderId) => channel.Value + ":" + senderId;

    /// <summary>The key of an E.164 phone number (<c>phone:+15551234567</c>).</summary>
    public static string ForPhone(string e164) => "phone:" + e164;

    /// <summary>The key of an email address, case-folded (<c>email:jane@example.com</c>).</summary>
    public static string ForEmail(string email) => "email:" + email.ToLowerInvariant();
}
