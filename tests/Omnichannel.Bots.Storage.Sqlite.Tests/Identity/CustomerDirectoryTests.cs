using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Who a customer is (<see cref="SqliteCustomerDirectory"/>) and an agent's unlink (<see cref="SqliteCustomerLinks.UnlinkAsync"/>).</summary>
public sealed class CustomerDirectoryTests
{
    private static readonly Participant Sms = new("+15550100001", "Jane") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.ProviderPhone };
    private static readonly Participant WhatsApp = new("15550100001", "Jane W") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.ProviderPhone };

    [Fact]
    public async Task Get_CustomerOnTwoChannels_LatestNameIdentitiesWithProvenanceAndChannelsMostRecentFirst()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, Sms, "hi");
        var createdAt = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var whatsApp = await harness.ReceiveAsync(ChannelId.WhatsApp, WhatsApp, "hi");

        var profile = await harness.Directory.GetAsync(sms.CustomerId, CancellationToken.None);

        Assert.Equal(sms.CustomerId, whatsApp.CustomerId);
        Assert.NotNull(profile);
        Assert.Equal("Jane W", profile.Name);
        Assert.Equal(createdAt, profile.CreatedAt);
        Assert.Equal(
            [
                new IdentityLink("phone:+15550100001", IdentityProvenance.ProviderPhone, ChannelId.Sms, createdAt),
                new IdentityLink("sms:+15550100001", IdentityProvenance.ChannelAddress, ChannelId.Sms, createdAt),
                new IdentityLink("whatsapp:15550100001", IdentityProvenance.ChannelAddress, ChannelId.WhatsApp, createdAt.AddMinutes(1)),
            ],
            profile.Identities);
        Assert.Equal([ChannelId.WhatsApp, ChannelId.Sms], profile.Channels);
    }

    [Fact]
    public async Task Get_UnknownCustomer_Null()
    {
        using var harness = new IdentityHarness();

        Assert.Null(await harness.Directory.GetAsync("cus_nobody", CancellationToken.None));
    }

    [Fact]
    public async Task Unlink_ChannelKey_ItsConversationsMoveToANewCustomerAndTheUnlinkIsRecorded()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, Sms, "hi");
        await harness.CommitAsync(sms, dialogState: "{\"step\":\"name\"}");
        var whatsApp = await harness.ReceiveAsync(ChannelId.WhatsApp, WhatsApp, "hi");
        await harness.CommitAsync(whatsApp, dialogState: "{\"step\":\"kept\"}");

        Assert.True(await harness.Links.UnlinkAsync(sms.CustomerId, "whatsapp:15550100001", "agent-7", CancellationToken.None));

        var movedTo = harness.Scalar<string>("SELECT customer_id FROM conversations WHERE id = @p1", whatsApp.ConversationId);
        Assert.NotNull(movedTo);
        Assert.NotEqual(sms.CustomerId, movedTo);
        Assert.Equal(movedTo, harness.Scalar<string>("SELECT customer_id FROM customer_identities WHERE identity_key = 'whatsapp:15550100001'"));
        Assert.Equal(2L, harness.Count("SELECT COUNT(*) FROM messages WHERE customer_id = @p1", movedTo));
        Assert.Equal(1L, harness.Count("SELECT COUNT(*) FROM inbox WHERE customer_id = @p1", movedTo));
        Assert.Equal(2L, harness.Count("SELECT COUNT(*) FROM messages WHERE customer_id = @p1", sms.CustomerId));
        Assert.Equal("{\"step\":\"kept\"}", harness.Scalar<string>("SELECT state FROM dialog_state WHERE customer_id = @p1", sms.CustomerId));
        Assert.Equal(1L, harness.Count(
            "SELECT COUNT(*) FROM customer_unlinks WHERE customer_id = @p1 AND identity_key = 'whatsapp:15550100001' AND actor = 'agent-7' AND moved_to_customer_id = @p2 AND provenance = 'channel-address'",
            sms.CustomerId,
            movedTo));
        var profile = await harness.Directory.GetAsync(sms.CustomerId, CancellationToken.None);
        Assert.Equal([ChannelId.Sms], profile?.Channels);
    }

    [Fact]
    public async Task Unlink_PhoneKey_OnlyTheLinkGoes()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, Sms, "hi");

        Assert.True(await harness.Links.UnlinkAsync(sms.CustomerId, "phone:+15550100001", "agent-7", CancellationToken.None));

        Assert.Equal(0L, harness.Count("SELECT COUNT(*) FROM customer_identities WHERE identity_key = 'phone:+15550100001'"));
        Assert.Equal(sms.CustomerId, harness.Scalar<string>("SELECT customer_id FROM conversations WHERE id = @p1", sms.ConversationId));
        Assert.Equal(1L, harness.Count("SELECT COUNT(*) FROM customer_unlinks WHERE identity_key = 'phone:+15550100001' AND moved_to_customer_id IS NULL AND provenance = 'provider-phone'"));
    }

    [Fact]
    public async Task Unlink_KeyOfAnotherCustomer_RefusedAndNothingChanges()
    {
        using var harness = new IdentityHarness();
        await harness.ReceiveAsync(ChannelId.Sms, Sms, "hi");
        var other = await harness.ReceiveAsync(ChannelId.Telegram, new Participant("99"), "hi");

        Assert.False(await harness.Links.UnlinkAsync(other.CustomerId, "phone:+15550100001", "agent-7", CancellationToken.None));

        Assert.Equal(1L, harness.Count("SELECT COUNT(*) FROM customer_identities WHERE identity_key = 'phone:+15550100001'"));
        Assert.Equal(0L, harness.Count("SELECT COUNT(*) FROM customer_unlinks"));
    }
}
