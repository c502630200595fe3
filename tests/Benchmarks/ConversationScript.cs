using System.Globalization;
using Omnichannel.Bots;
using Omnichannel.Bots.Customers;

namespace Benchmarks;

/// <summary>
/// What one benchmark customer says, on SMS (numbered menus): "hi" → greeting and menu; then rounds of "1" (asks
/// for the order number), an order number (its status and "anything else?") and "yes" (the menu again), the last
/// round ending in "no" (goodbye). Each message comes with a text its replies must contain, so the benchmark checks
/// that the dialog really ran.
/// </summary>
public static class ConversationScript
{
    private static readonly string[] OrderNumbers = ["12345", "23456", "34567"];

    /// <summary>The <paramref name="index"/>-th message (0-based) of a conversation of <paramref name="count"/> messages, and a text its replies contain.</summary>
    public static (string Text, string Expected) Message(int conversation, int index, int count)
    {
        if (index == 0)
        {
            return ("hi", "How can I help?");
        }

        var orderNumber = OrderNumbers[(conversation + ((index - 1) / 3)) % OrderNumbers.Length];
        return ((index - 1) % 3) switch
        {
            0 => ("1", "What's your order number?"),
            1 => (orderNumber, "Order " + orderNumber),
            _ when index == count - 1 => ("no", "Have a great day"),
            _ => ("yes", "How can I help?"),
        };
    }

    public static BotMessage Build(string run, int conversation, int index, string text)
    {
        var id = run + "-" + conversation.ToString(CultureInfo.InvariantCulture);
        var phone = "+1650" + (2_000_000 + conversation).ToString(CultureInfo.InvariantCulture);
        return new BotMessage
        {
            Id = id + "-m" + index.ToString(CultureInfo.InvariantCulture),
            Channel = ChannelId.Sms,
            Conversation = new ConversationAddress("bench-account", phone),
            Sender = new Participant(phone) { PhoneNumber = phone, PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            Text = text,
        };
    }
}
