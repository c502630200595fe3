namespace Omnichannel.Bots.Identity;

/// <summary>
/// The keys that link a sender to one customer. Every sender has a channel key (<c>telegram:12345</c>); a sender whose
/// channel vouches for a phone number or email also has <c>phone:+15551234567</c> or <c>email:jane@example.com</c>,
/// so the same phone on SMS and WhatsApp is the same customer.
/// </summary>
public static class IdentityKeys
{
    public static IReadOnlyList<string> For(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = message.Sender ?? throw new ArgumentException("An inbound message has a sender.", nameof(message));
        return For(message.Channel, sender);
    }

    /// <summary>The keys of <paramref name="sender"/> on <paramref name="channel"/> (its id there, and the phone and email it vouches for).</summary>
    public static IReadOnlyList<string> For(ChannelId channel, Participant sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var keys = new List<string>(3) { ForChannel(channel, sender.Id) };
        if (!string.IsNullOrEmpty(sender.PhoneNumber))
        {
            keys.Add("phone:" + sender.PhoneNumber);
        }

        if (!string.IsNullOrEmpty(sender.Email))
        {
            keys.Add("email:" + sender.Email.ToLowerInvariant());
        }

        return keys;
    }

    public static string ForChannel(ChannelId channel, string senderId) => channel.Value + ":" + senderId;
}
