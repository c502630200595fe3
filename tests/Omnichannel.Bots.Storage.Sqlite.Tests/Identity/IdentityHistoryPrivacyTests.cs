using System.Text;
using System.Text.Json;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>The identity graph's history (merges, unlinks) in a customer's export and erasure (core's share).</summary>
public sealed class IdentityHistoryPrivacyTests
{
    [Fact]
    public async Task ExportThenErase_MergeAndUnlink_ExportedThenGone()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, new Participant("+15550100001") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.ProviderPhone }, "hi");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var telegram = await harness.ReceiveAsync(ChannelId.Telegram, new Participant("4242"), "hi");
        await harness.Links.LinkAsync(sms.CustomerId, new IdentityClaim("telegram:4242", IdentityProvenance.LinkCode, ChannelId.Telegram), CancellationToken.None);
        await harness.Links.UnlinkAsync(sms.CustomerId, "phone:+15550100001", "agent:alice", CancellationToken.None);
        var privacy = new SqliteCoreCustomerPrivacy();

        var exported = harness.Database.Read(db =>
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                privacy.Export(db, sms.CustomerId, json);
            }

            return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.Clone();
        });
        var erased = await harness.Database.WriteAsync(db => privacy.Erase(db, sms.CustomerId), CancellationToken.None);

        Assert.Equal(telegram.CustomerId, exported.GetProperty("customer_merges")[0].GetProperty("from_customer_id").GetString());
        var unlink = exported.GetProperty("customer_unlinks")[0];
        Assert.Equal(("phone:+15550100001", "agent:alice"), (unlink.GetProperty("identity_key").GetString(), unlink.GetProperty("actor").GetString()));
        Assert.True(erased > 2);
        Assert.Equal(0L, harness.Count("SELECT (SELECT COUNT(*) FROM customer_merges) + (SELECT COUNT(*) FROM customer_unlinks)"));
    }
}
