using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Link codes on SQLite (<see cref="SqliteLinkCodeStore"/>): a code works once, before it expires, on another channel
/// than the one it was asked on; wrong codes are throttled per sender and overall (a throttled sender's right code is
/// refused too); issuing is limited per customer; the codes follow a merge and leave with an erasure.
/// </summary>
public sealed class LinkCodeStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly RateLimit PerSender = new(3, TimeSpan.FromMinutes(15));
    private static readonly RateLimit Overall = new(100, TimeSpan.FromMinutes(1));
    private static readonly RateLimit Issues = new(2, TimeSpan.FromHours(1));

    private readonly TempDirectory _temp = new();
    private readonly SqliteDatabase _database;
    private readonly SqliteLinkCodeStore _store;

    public LinkCodeStoreTests()
    {
        _database = new SqliteDatabase(
            Options.Create(new SqliteStorageOptions { DataDirectory = _temp.Path }), NullLogger<SqliteDatabase>.Instance, [SqliteLinkCodeSchema.Schema]);
        _store = new SqliteLinkCodeStore(_database);
    }

    [Fact]
    public async Task Claim_BeforeExpiry_ClaimedOnce_SameSenderAgainIsClaimedBefore_AnotherSenderFindsItUsed()
    {
        var code = await IssueAsync("cust-web");

        var first = await ClaimAsync(code, "telegram:42", Start.AddMinutes(9));
        var again = await ClaimAsync(code, "telegram:42", Start.AddMinutes(9));
        var other = await ClaimAsync(code, "sms:+15550001111", Start.AddMinutes(9), ChannelId.Sms);

        Assert.Equal(new LinkCodeClaim(LinkCodeClaimStatus.Claimed, "cust-web", ChannelId.WebChat), first);
        Assert.Equal(new LinkCodeClaim(LinkCodeClaimStatus.ClaimedBefore, "cust-web", ChannelId.WebChat), again);
        Assert.Equal(LinkCodeClaimStatus.Used, other.Status);
        Assert.Null(other.CustomerId);
    }

    [Fact]
    public async Task Claim_AtExpiry_ExpiredAndNotUsedUp()
    {
        var code = await IssueAsync("cust-web");

        var late = await ClaimAsync(code, "telegram:42", Start + Lifetime);

        Assert.Equal(LinkCodeClaimStatus.Expired, late.Status);
        Assert.Null(late.CustomerId);
        Assert.Equal(1, CountRows("SELECT COUNT(*) FROM identity_link_failures WHERE sender_key = 'telegram:42'"));
    }

    [Fact]
    public async Task Claim_UnknownCode_UnknownAndCountedAgainstTheSender()
    {
        await IssueAsync("cust-web");

        var wrong = await ClaimAsync(LinkCodeText.Generate(), "telegram:42", Start.AddMinutes(1));

        Assert.Equal(new LinkCodeClaim(LinkCodeClaimStatus.Unknown), wrong);
        Assert.Equal(1, CountRows("SELECT COUNT(*) FROM identity_link_failures WHERE sender_key = 'telegram:42'"));
    }

    [Fact]
    public async Task Claim_OnTheChannelItWasAskedOn_NeitherUsedUpNorCounted()
    {
        var code = await IssueAsync("cust-web");

        var same = await ClaimAsync(code, "webchat:visitor", Start.AddMinutes(1), ChannelId.WebChat);
        var there = await ClaimAsync(code, "telegram:42", Start.AddMinutes(2));

        Assert.Equal(LinkCodeClaimStatus.SameChannel, same.Status);
        Assert.Equal(LinkCodeClaimStatus.Claimed, there.Status);
        Assert.Equal(0, CountRows("SELECT COUNT(*) FROM identity_link_failures"));
    }

    [Fact]
    public async Task WrongCodes_PastTheSenderLimit_EvenTheRightCodeIsThrottledUntilTheWindowPasses_OtherSendersAreNot()
    {
        var code = await IssueAsync("cust-web", lifetime: TimeSpan.FromHours(1));
        for (var i = 0; i < PerSender.PermitLimit; i++)
        {
            Assert.Equal(LinkCodeClaimStatus.Unknown, (await ClaimAsync(LinkCodeText.Generate(), "telegram:666", Start.AddMinutes(1 + i))).Status);
        }

        var throttled = await ClaimAsync(code, "telegram:666", Start.AddMinutes(5));
        var otherSender = await ClaimAsync(LinkCodeText.Generate(), "telegram:7", Start.AddMinutes(5));
        var stillThrottled = await ClaimAsync(code, "telegram:666", Start.AddMinutes(15).AddSeconds(59));
        var afterWindow = await ClaimAsync(code, "telegram:666", Start.AddMinutes(16).AddSeconds(1));

        Assert.Equal(new LinkCodeClaim(LinkCodeClaimStatus.Throttled, RetryAfter: Start.AddMinutes(1) + PerSender.Window), throttled);
        Assert.Equal(LinkCodeClaimStatus.Throttled, stillThrottled.Status);
        Assert.Equal(LinkCodeClaimStatus.Unknown, otherSender.Status);
        Assert.Equal(LinkCodeClaimStatus.Claimed, afterWindow.Status);
    }

    [Fact]
    public async Task WrongCodes_ManySendersPastTheOverallLimit_EveryoneIsThrottled()
    {
        var code = await IssueAsync("cust-web");
        var overall = new RateLimit(4, TimeSpan.FromMinutes(1));
        for (var i = 0; i < overall.PermitLimit; i++)
        {
            var guess = new LinkCodeAttempt(LinkCodeText.Hash(LinkCodeText.Generate()), $"telegram:{1000 + i}", ChannelId.Telegram, Start.AddSeconds(i), PerSender, overall);
            Assert.Equal(LinkCodeClaimStatus.Unknown, (await _store.ClaimAsync(guess, CancellationToken.None)).Status);
        }

        var honest = new LinkCodeAttempt(LinkCodeText.Hash(code), "telegram:42", ChannelId.Telegram, Start.AddSeconds(30), PerSender, overall);
        var later = honest with { At = Start.AddSeconds(61) };

        Assert.Equal(LinkCodeClaimStatus.Throttled, (await _store.ClaimAsync(honest, CancellationToken.None)).Status);
        Assert.Equal(LinkCodeClaimStatus.Claimed, (await _store.ClaimAsync(later, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task BruteForce_OneSenderGuessingFor10Minutes_GetsOnlyTheSenderLimitOfGuesses()
    {
        await IssueAsync("cust-web");
        var looked = 0;
        for (var second = 0; second < Lifetime.TotalSeconds; second += 5)
        {
            var claim = await ClaimAsync(LinkCodeText.Generate(), "sms:+15559998888", Start.AddSeconds(second), ChannelId.Sms);
            looked += claim.Status == LinkCodeClaimStatus.Throttled ? 0 : 1;
        }

        Assert.Equal(PerSender.PermitLimit, looked);
    }

    [Fact]
    public async Task Issue_PastTheCustomerLimit_RefusedUntilTheWindowPasses()
    {
        Assert.NotNull(await TryIssueAsync("cust-web", Start));
        Assert.NotNull(await TryIssueAsync("cust-web", Start.AddMinutes(1)));

        Assert.Null(await TryIssueAsync("cust-web", Start.AddMinutes(2)));
        Assert.NotNull(await TryIssueAsync("cust-other", Start.AddMinutes(2)));
        Assert.NotNull(await TryIssueAsync("cust-web", Start.AddMinutes(60).AddSeconds(1)));
    }

    [Fact]
    public async Task Issue_ANewCodeForTheSameChannel_TheEarlierOneStopsWorking()
    {
        var earlier = await IssueAsync("cust-web");
        var newer = await TryIssueAsync("cust-web", Start.AddMinutes(1));

        Assert.Equal(LinkCodeClaimStatus.Expired, (await ClaimAsync(earlier, "telegram:42", Start.AddMinutes(2))).Status);
        Assert.Equal(LinkCodeClaimStatus.Claimed, (await ClaimAsync(newer!, "telegram:42", Start.AddMinutes(2))).Status);
    }

    [Fact]
    public async Task Release_AClaimedCode_CanBeClaimedAgain()
    {
        var code = await IssueAsync("cust-web");
        await ClaimAsync(code, "telegram:42", Start.AddMinutes(1));

        await _store.ReleaseAsync(LinkCodeText.Hash(code), CancellationToken.None);

        Assert.Equal(LinkCodeClaimStatus.Claimed, (await ClaimAsync(code, "telegram:7", Start.AddMinutes(2))).Status);
    }

    [Fact]
    public async Task Schema_KeepsOnlyTheHash_NeverTheCode()
    {
        var code = await IssueAsync("cust-web");

        var bytes = File.ReadAllBytes(_database.FilePath).Concat(File.ReadAllBytes(_database.FilePath + "-wal")).ToArray();
        Assert.DoesNotContain(code, Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains(LinkCodeText.Hash(code), Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_MovesTheCodesToTheCustomerThatStays()
    {
        var code = await IssueAsync("cust-newer");
        var data = new SqliteLinkCodeCustomerData();

        await _database.WriteAsync(db => { data.Merge(db, new CustomerMerge("cust-newer", "cust-older", "test", Start)); return 0; }, CancellationToken.None);

        Assert.Equal("cust-older", (await ClaimAsync(code, "telegram:42", Start.AddMinutes(1))).CustomerId);
    }

    [Fact]
    public async Task ExportAndErase_CoverTheCustomersCodesAndTheWrongCodesTheirKeysSent()
    {
        await _database.WriteAsync(
            db => db.Execute(
                "INSERT INTO customers (id, created_at) VALUES ('cust-web', 0), ('cust-else', 0); " +
                "INSERT INTO customer_identities (identity_key, customer_id, created_at) VALUES ('telegram:42', 'cust-web', 0), ('telegram:9', 'cust-else', 0)"),
            CancellationToken.None);
        var code = await IssueAsync("cust-web");
        await IssueAsync("cust-else");
        await ClaimAsync(LinkCodeText.Generate(), "telegram:42", Start.AddMinutes(1));
        await ClaimAsync(LinkCodeText.Generate(), "telegram:9", Start.AddMinutes(1));
        var data = new SqliteLinkCodeCustomerData();

        var export = _database.Read(db =>
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                data.Export(db, "cust-web", json);
            }

            return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
        });
        var erased = await _database.WriteAsync(db => data.Erase(db, "cust-web"), CancellationToken.None);

        Assert.Equal("webchat", export.GetProperty("codes")[0].GetProperty("issuedOn").GetString());
        Assert.Equal("telegram", export.GetProperty("codes")[0].GetProperty("target").GetString());
        Assert.Equal(1, export.GetProperty("codes").GetArrayLength());
        Assert.Equal("telegram:42", export.GetProperty("wrongCodes")[0].GetProperty("senderKey").GetString());
        Assert.Equal(1, export.GetProperty("wrongCodes").GetArrayLength());
        Assert.DoesNotContain(LinkCodeText.Hash(code), export.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, erased);
        Assert.Equal(1, CountRows("SELECT COUNT(*) FROM identity_link_codes"));
        Assert.Equal(1, CountRows("SELECT COUNT(*) FROM identity_link_failures WHERE sender_key = 'telegram:9'"));
    }

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }

    private async Task<string> IssueAsync(string customerId, TimeSpan? lifetime = null) =>
        await TryIssueAsync(customerId, Start, lifetime) ?? throw new InvalidOperationException("The code was not issued.");

    private async Task<string?> TryIssueAsync(string customerId, DateTimeOffset at, TimeSpan? lifetime = null)
    {
        var code = LinkCodeText.Generate();
        var grant = new LinkCodeGrant(LinkCodeText.Hash(code), customerId, ChannelId.WebChat, ChannelId.Telegram, at, at + (lifetime ?? Lifetime));
        return await _store.TryIssueAsync(grant, Issues, CancellationToken.None) ? code : null;
    }

    private Task<LinkCodeClaim> ClaimAsync(string code, string senderKey, DateTimeOffset at, ChannelId? channel = null) =>
        _store.ClaimAsync(new LinkCodeAttempt(LinkCodeText.Hash(code), senderKey, channel ?? ChannelId.Telegram, at, PerSender, Overall), CancellationToken.None);

    private long CountRows(string sql) => _database.Read(db => db.Scalar<long>(sql));
}
