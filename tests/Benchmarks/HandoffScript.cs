using System.Globalization;
using Omnichannel.Bots;
using Omnichannel.Bots.Customers;

namespace Benchmarks;

/// <summary>
/// What a `handoff` benchmark customer says on SMS: questions the support bot answers itself (an order, shipping,
/// payment, thanks, returns, the menu), none of which asks for a person, so a run with the handoff router does the
/// same bot work as one without and the difference is the routing. <see cref="AskForPerson"/> escalates.
/// </summary>
public static class HandoffScript
{
    public const string AskForPerson = "agent";

    private static readonly string[] Messages =
    [
        "where is my order 12345",
        "how long does shipping take",
        "can I pay with klarna",
        "thanks",
        "what is your returns policy",
        "menu",
    ];

    /// <summary>The <paramref name="index"/>-th message (0-based) of a conversation; the script repeats after six.</summary>
    public static string Message(int index) => Messages[index % Messages.Length];

    /// <summary>The first <paramref name="count"/> messages, quoted, for the header.</summary>
    public static string Describe(int count) => string.Join(", ", Enumerable.Range(0, count).Select(m => '"' + Message(m) + '"'));

    /// <summary>
    /// Message <paramref name="index"/> of <paramref name="customer"/>: a phone number of its own (so its own customer
    /// and journey) and an id unique in the database.
    /// </summary>
    public static BotMessage Build(int customer, int index, string text)
    {
        var phone = "+1650" + (3_000_000 + customer).ToString(CultureInfo.InvariantCulture);
        return new BotMessage
        {
            Id = "handoff-" + customer.ToString(CultureInfo.InvariantCulture) + "-m" + index.ToString(CultureInfo.InvariantCulture),
            Channel = ChannelId.Sms,
            Conversation = new ConversationAddress("bench-account", phone),
            Sender = new Participant(phone) { PhoneNumber = phone, PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            Text = text,
        };
    }
}
