using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Two customers a verified key shows are one are merged into the one created first, in one transaction, without losing
/// a message or dialog state; the merge is recorded and the merged-away id still resolves.
/// </summary>
public sealed class CustomerMergeTests
{
    private static readonly Participant SmsJane = new("+15550100001", "Jane") { PhoneNumber = "+15550100001", PhoneNumberProvenance = IdentityProvenance.ProviderPhone };
    private static readonly Participant TelegramJane = new("4242", "Jane T.");

    [Fact]
    public async Task Link_KeyAnotherCustomerHolds_MergedIntoTheOlderWithEveryRowMovedAndRecorded()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, SmsJane, "hi from sms");
        await harness.CommitAsync(sms, dialogState: null);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var telegram = await harness.ReceiveAsync(ChannelId.Telegram, TelegramJane, "hi from telegram");
        await harness.CommitAsync(telegram, dialogState: null);
        Assert.NotEqual(sms.CustomerId, telegram.CustomerId);
        var messagesBefore = harness.Count("SELECT COUNT(*) FROM messages");

        // The Telegram customer used a link code issued to the SMS customer: the code's customer gets the Telegram key.
        var result = await harness.Links.LinkAsync(sms.CustomerId, new IdentityClaim("telegram:4242", IdentityProvenance.LinkCode, ChannelId.Telegram), CancellationToken.None);

        Assert.Equal(sms.CustomerId, result.CustomerId);
        var merge = Assert.IsType<CustomerMerge>(result.Merge);
        Assert.Equal((telegram.CustomerId, sms.CustomerId), (merge.FromCustomerId, merge.IntoCustomerId));
        Assert.Equal(harness.Time.GetUtcNow(), merge.At);
        Assert.Contains("telegram:4242", merge.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, harness.Count("SELECT COUNT(*) FROM customers WHERE id = @p1", telegram.CustomerId));
        Assert.Equal(messagesBefore, harness.Count("SELECT COUNT(*) FROM messages WHERE customer_id = @p1", sms.CustomerId));
        Assert.Equal(2L, harness.Count("SELECT COUNT(*) FROM conversations WHERE customer_id = @p1", sms.CustomerId));
        Assert.Equal(2L, harness.Count("SELECT COUNT(*) FROM inbox WHERE customer_id = @p1", sms.CustomerId));
        Assert.Equal(1L, harness.Count(
            "SELECT COUNT(*) FROM customer_merges WHERE from_customer_id = @p1 AND into_customer_id = @p2 AND reason = @p3",
            telegram.CustomerId,
            sms.CustomerId,
            merge.Reason));

        var profile = await harness.Directory.GetAsync(sms.CustomerId, CancellationToken.None);
        Assert.NotNull(profile);
        Assert.Equal(["phone:+15550100001", "sms:+15550100001", "telegram:4242"], profile.Identities.Select(i => i.Key));
        Assert.Null(await harness.Directory.GetAsync(telegram.CustomerId, CancellationToken.None));
    }

    [Fact]
    public async Task Link_MergedAwayCustomer_LinksToTheCustomerItWasMergedInto()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, SmsJane, "hi");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var telegram = await harness.ReceiveAsync(ChannelId.Telegram, TelegramJane, "hi");
        await harness.Links.LinkAsync(telegram.CustomerId, new IdentityClaim("phone:+15550100001", IdentityProvenance.SharedContact, ChannelId.Telegram), CancellationToken.None);

        var result = await harness.Links.LinkAsync(telegram.CustomerId, new IdentityClaim("email:jane@example.com", IdentityProvenance.Agent, ChannelId.Telegram), CancellationToken.None);

        Assert.Equal((sms.CustomerId, null), (result.CustomerId, result.Merge));
        Assert.Equal(sms.CustomerId, harness.Scalar<string>("SELECT customer_id FROM customer_identities WHERE identity_key = 'email:jane@example.com'"));
    }

    [Fact]
    public async Task Link_UnknownCustomer_Refused()
    {
        using var harness = new IdentityHarness();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            harness.Links.LinkAsync("cus_nobody", new IdentityClaim("telegram:1", IdentityProvenance.LinkCode, ChannelId.Telegram), CancellationToken.None));

        Assert.Contains("cus_nobody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_BothHaveDialogState_TheOneWrittenLastWinsWithAVersionAboveBoth()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, SmsJane, "start the form");
        await harness.CommitAsync(sms, dialogState: "{\"step\":\"older\"}");
        var again = await harness.ReceiveAsync(ChannelId.Sms, SmsJane, "next");
        await harness.CommitAsync(again, dialogState: "{\"step\":\"older-2\"}");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var telegram = await harness.ReceiveAsync(ChannelId.Telegram, TelegramJane, "form on telegram");
        await harness.CommitAsync(telegram, dialogState: "{\"step\":\"newest\"}");

        await harness.Links.LinkAsync(sms.CustomerId, new IdentityClaim("telegram:4242", IdentityProvenance.LinkCode, ChannelId.Telegram), CancellationToken.None);

        Assert.Equal(("{\"step\":\"newest\"}", 3L), harness.Database.Read(db =>
        {
            using var reader = db.Query("SELECT state, version FROM dialog_state WHERE customer_id = @p1 AND dialog_id = 'root'", sms.CustomerId);
            return reader.Read() ? (reader.GetString(0), reader.GetInt64(1)) : default;
        }));
        Assert.Equal(1L, harness.Count("SELECT COUNT(*) FROM dialog_state"));
    }

    [Fact]
    public async Task Merge_OnlyTheMergedAwayCustomerHasDialogState_ItMoves()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, SmsJane, "hi");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var telegram = await harness.ReceiveAsync(ChannelId.Telegram, TelegramJane, "form on telegram");
        await harness.CommitAsync(telegram, dialogState: "{\"step\":\"address\"}");

        await harness.Links.LinkAsync(telegram.CustomerId, new IdentityClaim("phone:+15550100001", IdentityProvenance.SharedContact, ChannelId.Telegram), CancellationToken.None);

        Assert.Equal("{\"step\":\"address\"}", harness.Scalar<string>("SELECT state FROM dialog_state WHERE customer_id = @p1", sms.CustomerId));
    }

    [Fact]
    public async Task Merge_BothNamed_TheNameAChannelGaveLastStays()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, SmsJane, "hi");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.ReceiveAsync(ChannelId.Telegram, TelegramJane, "hi");

        await harness.Links.LinkAsync(sms.CustomerId, new IdentityClaim("telegram:4242", IdentityProvenance.LinkCode, ChannelId.Telegram), CancellationToken.None);

        Assert.Equal("Jane T.", (await harness.Directory.GetAsync(sms.CustomerId, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task Commit_TurnReadTheCustomerBeforeAMerge_ConflictsThenCommitsToTheCustomerThatStays()
    {
        using var harness = new IdentityHarness();
        var sms = await harness.ReceiveAsync(ChannelId.Sms, SmsJane, "hi");
        await harness.CommitAsync(sms, dialogState: "{\"step\":\"sms\"}");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var telegram = await harness.ReceiveAsync(ChannelId.Telegram, TelegramJane, "racing the merge");
        var staleSnapshot = await harness.Turns.LoadAsync(telegram, "root", CancellationToken.None);

        await harness.Links.LinkAsync(sms.CustomerId, new IdentityClaim("telegram:4242", IdentityProvenance.LinkCode, ChannelId.Telegram), CancellationToken.None);
        var raced = await harness.CommitAsync(telegram, staleSnapshot, dialogState: "{\"step\":\"telegram\"}");
        var rerun = await harness.CommitAsync(telegram, dialogState: "{\"step\":\"telegram\"}");

        Assert.True(raced.StateConflict);
        Assert.False(rerun.StateConflict);
        Assert.Equal(0L, harness.Count("SELECT COUNT(*) FROM messages WHERE customer_id = @p1", telegram.CustomerId));
        Assert.Equal(2L, harness.Count("SELECT COUNT(*) FROM messages WHERE customer_id = @p1 AND inbox_seq = @p2", sms.CustomerId, telegram.Sequence));
        Assert.Equal("{\"step\":\"telegram\"}", harness.Scalar<string>("SELECT state FROM dialog_state WHERE customer_id = @p1", sms.CustomerId));
    }
}
