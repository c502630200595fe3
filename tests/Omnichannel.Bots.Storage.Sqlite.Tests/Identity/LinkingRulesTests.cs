using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// The linking rules as a table: what a message from each channel links (key, provenance, vouching channel), as the
/// adapters state their senders; a phone or email without the channel's word for it (typed in a chat, an unsigned web
/// visitor's) links nothing and never joins another customer.
/// </summary>
public sealed class LinkingRulesTests
{
    public static TheoryData<string, ChannelId, Participant, string, string[]> Rules => new()
    {
        {
            "SMS From", ChannelId.Sms,
            new Participant("+15550100001") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            "hi", ["phone:+15550100001 provider-phone sms", "sms:+15550100001 channel-address sms"]
        },
        {
            "WhatsApp sender", ChannelId.WhatsApp,
            new Participant("15550100001") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            "hi", ["phone:+15550100001 provider-phone whatsapp", "whatsapp:15550100001 channel-address whatsapp"]
        },
        {
            "Telegram own contact", ChannelId.Telegram,
            new Participant("4242") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.SharedContact },
            "+15550100001", ["phone:+15550100001 shared-contact telegram", "telegram:4242 channel-address telegram"]
        },
        {
            "signed web chat identity", ChannelId.WebChat,
            new Participant("site:7")
            {
                PhoneNumber = "+15550100001",
                PhoneNumberProvenance = IdentityProvenance.SignedIdentity,
                Email = "Jane@Example.com",
                EmailProvenance = IdentityProvenance.SignedIdentity,
            },
            "hi", ["email:jane@example.com signed-identity webchat", "phone:+15550100001 signed-identity webchat", "webchat:site:7 channel-address webchat"]
        },
        {
            "unsigned web chat visitor's phone and email", ChannelId.WebChat,
            new Participant("dl_visitor") { PhoneNumber = "+15550100001", Email = "jane@example.com" },
            "hi", ["webchat:dl_visitor channel-address webchat"]
        },
        {
            "\"my number is ...\" typed on Telegram", ChannelId.Telegram,
            new Participant("4343"),
            "my number is +15550100001", ["telegram:4343 channel-address telegram"]
        },
        {
            "someone else's number typed on SMS", ChannelId.Sms,
            new Participant("+15550100002") { PhoneNumber = "+15550100002", PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            "my number is +15550100001", ["phone:+15550100002 provider-phone sms", "sms:+15550100002 channel-address sms"]
        },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Receive_ChannelStatesItsSender_LinksExactlyTheVerifiedKeys(string rule, ChannelId channel, Participant sender, string text, string[] linked)
    {
        using var harness = new IdentityHarness();

        var entry = await harness.ReceiveAsync(channel, sender, text);

        var profile = await harness.Directory.GetAsync(entry.CustomerId, CancellationToken.None);
        var keys = profile!.Identities.Select(i => $"{i.Key} {IdentityProvenanceText.Of(i.Provenance!.Value)} {i.VouchedBy}").Order(StringComparer.Ordinal).ToList();
        Assert.True(linked.SequenceEqual(keys), $"{rule}: linked [{string.Join(", ", keys)}]");
    }

    [Fact]
    public async Task Receive_UnverifiedPhoneOfAKnownCustomer_StaysAnotherCustomer()
    {
        using var harness = new IdentityHarness();
        var known = await harness.ReceiveAsync(ChannelId.Sms, new Participant("+15550100001") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.ProviderPhone }, "hi");

        var visitor = await harness.ReceiveAsync(ChannelId.WebChat, new Participant("dl_visitor") { PhoneNumber = "+15550100001" }, "my number is +15550100001");
        var signed = await harness.ReceiveAsync(ChannelId.WebChat, new Participant("site:7") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.SignedIdentity }, "hi");

        Assert.NotEqual(known.CustomerId, visitor.CustomerId);
        Assert.Equal(known.CustomerId, signed.CustomerId);
        Assert.Equal(0L, harness.Count("SELECT COUNT(*) FROM customer_merges"));
    }
}
