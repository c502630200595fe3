using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Provider delivery reports (<see cref="SqliteDeliveryReports"/>) are recorded against the outbound message whose send
/// carried their provider id: kept as history, moving the message's status only forward, waiting for a send that is
/// not marked yet, and shown with the message in the transcript.
/// </summary>
public sealed class DeliveryReportTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SqliteDatabase _database;
    private readonly SqliteOutboxStore _outbox;
    private readonly SqliteDeliveryReports _reports;
    private readonly SqliteTranscriptStore _transcripts;

    public DeliveryReportTests()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { DataDirectory = _temp.Path }), NullLogger<SqliteDatabase>.Instance);
        _outbox = new SqliteOutboxStore(_database, _time);
        _reports = new SqliteDeliveryReports(_database, _time, NullLogger<SqliteDeliveryReports>.Instance);
        _transcripts = new SqliteTranscriptStore(_database);
    }

    [Fact]
    public async Task MarkSent_NoReportYet_TranscriptShowsSentAtTheSendTime()
    {
        var reply = await ReplyAsync("hello");
        Assert.Null(await DeliveryOfAsync(reply));

        _time.Advance(TimeSpan.FromSeconds(3));
        await _outbox.MarkSentAsync(reply.OutboxId, "SM1", CancellationToken.None);

        Assert.Equal(new DeliveryState(DeliveryStatus.Sent, Start.AddSeconds(3)), await DeliveryOfAsync(reply));
    }

    [Fact]
    public async Task RecordAsync_ReadBeforeDelivered_StaysReadAndKeepsBothInHistory()
    {
        var reply = await SentReplyAsync("SM1");

        Assert.True(await _reports.RecordAsync(Report("SM1", DeliveryStatus.Read, 20), CancellationToken.None));
        Assert.True(await _reports.RecordAsync(Report("SM1", DeliveryStatus.Delivered, 10), CancellationToken.None));

        Assert.Equal(new DeliveryState(DeliveryStatus.Read, Start.AddSeconds(20)), await DeliveryOfAsync(reply));
        Assert.Equal(["read", "delivered"], History("SM1").Select(h => h.Status));
        Assert.All(History("SM1"), h => Assert.Equal(reply.OutboxId, h.OutboxId));
    }

    [Fact]
    public async Task RecordAsync_InOrder_MovesSentToDeliveredToRead()
    {
        var reply = await SentReplyAsync("SM1");

        await _reports.RecordAsync(Report("SM1", DeliveryStatus.Delivered, 10), CancellationToken.None);
        Assert.Equal(DeliveryStatus.Delivered, (await DeliveryOfAsync(reply))!.Status);
        await _reports.RecordAsync(Report("SM1", DeliveryStatus.Read, 20), CancellationToken.None);

        Assert.Equal(new DeliveryState(DeliveryStatus.Read, Start.AddSeconds(20)), await DeliveryOfAsync(reply));
    }

    [Fact]
    public async Task RecordAsync_ReportBeforeTheSendIsMarked_AttachedWhenItIs()
    {
        var reply = await ReplyAsync("hello");

        // The provider's webhook overtakes the outbox: the id is not on any row yet.
        Assert.False(await _reports.RecordAsync(Report("wamid.early", DeliveryStatus.Delivered, 1), CancellationToken.None));
        Assert.Null(await DeliveryOfAsync(reply));
        await _outbox.MarkSentAsync(reply.OutboxId, "wamid.early", CancellationToken.None);

        Assert.Equal(new DeliveryState(DeliveryStatus.Delivered, Start.AddSeconds(1)), await DeliveryOfAsync(reply));
        Assert.Equal(reply.OutboxId, Assert.Single(History("wamid.early")).OutboxId);
        Assert.True(await _reports.RecordAsync(Report("wamid.early", DeliveryStatus.Read, 2), CancellationToken.None));
        Assert.Equal(DeliveryStatus.Read, (await DeliveryOfAsync(reply))!.Status);
    }

    [Fact]
    public async Task RecordAsync_UnknownId_FalseAndDeletedOnceItCanNoLongerMatch()
    {
        await SentReplyAsync("SM1");

        Assert.False(await _reports.RecordAsync(Report("SM-unknown", DeliveryStatus.Delivered, 1), CancellationToken.None));
        Assert.Null(Assert.Single(History("SM-unknown")).OutboxId);
        _time.Advance(SqliteDeliveryReports.UnmatchedRetention + TimeSpan.FromSeconds(1));
        Assert.False(await _reports.RecordAsync(Report("SM-other", DeliveryStatus.Read, 2), CancellationToken.None));

        Assert.Empty(History("SM-unknown"));
        Assert.Null(Assert.Single(History("SM-other")).OutboxId);
    }

    [Fact]
    public async Task RecordAsync_SameIdOnAnotherChannel_DoesNotTouchTheMessage()
    {
        var reply = await SentReplyAsync("123");

        Assert.False(await _reports.RecordAsync(Report("123", DeliveryStatus.Read, 5) with { Channel = ChannelId.Telegram }, CancellationToken.None));

        Assert.Equal(DeliveryStatus.Sent, (await DeliveryOfAsync(reply))!.Status);
    }

    [Fact]
    public async Task RecordAsync_FailedAfterSent_TranscriptShowsTheProvidersCodeAndWords()
    {
        var reply = await SentReplyAsync("SM1");

        await _reports.RecordAsync(
            Report("SM1", DeliveryStatus.Failed, 30) with { ErrorCode = "30003", ErrorMessage = "Unreachable destination handset" },
            CancellationToken.None);

        var entry = Assert.Single(await _transcripts.GetByConversationAsync(reply.ConversationId, CancellationToken.None), e => e.Direction == MessageDirection.Outbound);
        Assert.Equal(
            new DeliveryState(DeliveryStatus.Failed, Start.AddSeconds(30)) { ErrorCode = "30003", ErrorMessage = "Unreachable destination handset" },
            entry.Delivery);
    }

    [Fact]
    public async Task RecordAsync_FailedAfterDelivered_StaysDeliveredFailureKeptInHistory()
    {
        var reply = await SentReplyAsync("SM1");

        await _reports.RecordAsync(Report("SM1", DeliveryStatus.Delivered, 10), CancellationToken.None);
        await _reports.RecordAsync(Report("SM1", DeliveryStatus.Failed, 20) with { ErrorCode = "131047" }, CancellationToken.None);

        Assert.Equal(new DeliveryState(DeliveryStatus.Delivered, Start.AddSeconds(10)), await DeliveryOfAsync(reply));
        Assert.Equal(["delivered", "failed"], History("SM1").Select(h => h.Status));
    }

    [Fact]
    public async Task RecordAsync_SameReportTwice_OneHistoryRowStatusKept()
    {
        var reply = await SentReplyAsync("SM1");
        var delivered = Report("SM1", DeliveryStatus.Delivered, 10);

        Assert.True(await _reports.RecordAsync(delivered, CancellationToken.None));
        Assert.True(await _reports.RecordAsync(delivered, CancellationToken.None));

        Assert.Single(History("SM1"));
        Assert.Equal(new DeliveryState(DeliveryStatus.Delivered, Start.AddSeconds(10)), await DeliveryOfAsync(reply));
    }

    [Fact]
    public async Task RecordAsync_OverlongProviderText_StoredCutTo2000Characters()
    {
        var reply = await SentReplyAsync("SM1");

        await _reports.RecordAsync(Report("SM1", DeliveryStatus.Failed, 1) with { ErrorMessage = new string('x', 5000) }, CancellationToken.None);

        Assert.Equal(2000, (await DeliveryOfAsync(reply))!.ErrorMessage!.Length);
    }

    [Fact]
    public async Task RecordAsync_EmptyProviderId_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _reports.RecordAsync(Report("", DeliveryStatus.Read, 1), CancellationToken.None));
    }

    [Fact]
    public async Task MarkFailed_SendGivenUpOn_TranscriptShowsFailedWithTheError()
    {
        var reply = await ReplyAsync("hello");
        _time.Advance(TimeSpan.FromSeconds(7));

        await _outbox.MarkFailedAsync(reply.OutboxId, "403: Forbidden: bot was blocked by the user", CancellationToken.None);

        Assert.Equal(
            new DeliveryState(DeliveryStatus.Failed, Start.AddSeconds(7)) { ErrorMessage = "403: Forbidden: bot was blocked by the user" },
            await DeliveryOfAsync(reply));
    }

    [Fact]
    public async Task GetRecentByCustomer_MixedTranscript_EachOutboundRowCarriesItsOwnCurrentStatus()
    {
        var first = await SentReplyAsync("SM1");
        await ReplyAsync("again", "SM2");
        await ReplyAsync("and again");
        await _reports.RecordAsync(Report("SM1", DeliveryStatus.Read, 40), CancellationToken.None);
        await _reports.RecordAsync(Report("SM2", DeliveryStatus.Delivered, 50), CancellationToken.None);

        var recent = await _transcripts.GetRecentByCustomerAsync(first.CustomerId, 6, CancellationToken.None);

        Assert.Equal(
            [
                (MessageDirection.Inbound, (DeliveryStatus?)null),
                (MessageDirection.Outbound, DeliveryStatus.Read),
                (MessageDirection.Inbound, null),
                (MessageDirection.Outbound, DeliveryStatus.Delivered),
                (MessageDirection.Inbound, null),
                (MessageDirection.Outbound, null),
            ],
            recent.Select(e => (e.Direction, e.Delivery?.Status)));
        Assert.Equal([first.ConversationId], recent.Select(e => e.ConversationId).Distinct());
    }

    [Fact]
    public void GetRecentByCustomer_QueryPlan_FindsEachOutboxRowByIndexNeverScansTheOutbox()
    {
        var plan = _database.Read(db =>
        {
            using var reader = db.Query("EXPLAIN QUERY PLAN " + SqliteTranscriptStore.SelectRecentByCustomer, "customer", 20);
            var steps = new List<string>();
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }

            return steps;
        });

        Assert.Contains(plan, step => step.StartsWith("SEARCH m USING INDEX ix_messages_customer", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH o USING INDEX sqlite_autoindex_outbox_1", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }

    private static DeliveryReport Report(string providerId, DeliveryStatus status, int second) =>
        new(ChannelId.Sms, providerId, status, Start.AddSeconds(second));

    private async Task<Reply> SentReplyAsync(string providerId)
    {
        var reply = await ReplyAsync("hello");
        await _outbox.MarkSentAsync(reply.OutboxId, providerId, CancellationToken.None);
        return reply;
    }

    /// <summary>A customer's SMS and the bot's reply, committed as a turn; the reply's outbox row is pending unless <paramref name="sentAs"/> is given.</summary>
    private async Task<Reply> ReplyAsync(string text, string? sentAs = null)
    {
        var inbox = new SqliteInboxStore(_database, _time);
        var message = new BotMessage
        {
            Id = "in-" + Guid.NewGuid().ToString("N"),
            Channel = ChannelId.Sms,
            Conversation = new ConversationAddress("account-1", "+15550100001"),
            Sender = new Participant("+15550100001") { PhoneNumber = "+15550100001" },
            Text = text,
        };
        var entry = (await inbox.AppendAsync(message, [new IdentityClaim("phone:+15550100001", IdentityProvenance.ProviderPhone, ChannelId.Sms)], CancellationToken.None)).Entry!;
        var result = await new SqliteTurnStore(_database, _time).CommitAsync(
            new TurnCommit
            {
                Inbound = entry,
                Status = TurnStatus.Completed,
                Replies = [new BotMessage { Id = "out-" + entry.Sequence, Channel = ChannelId.Sms, Conversation = message.Conversation, Text = "#" + text }],
                ExpectedOwnerEpoch = 0,
            },
            CancellationToken.None);
        var outboxId = Assert.Single(result.Outbox).Id;
        if (sentAs is not null)
        {
            await _outbox.MarkSentAsync(outboxId, sentAs, CancellationToken.None);
        }

        return new Reply(outboxId, entry.ConversationId, entry.CustomerId);
    }

    private async Task<DeliveryState?> DeliveryOfAsync(Reply reply) =>
        Assert.Single(await _transcripts.GetByConversationAsync(reply.ConversationId, CancellationToken.None), e => e.Direction == MessageDirection.Outbound && e.Message.Id == "out-" + OutboxInboxSeq(reply)).Delivery;

    private long OutboxInboxSeq(Reply reply) => _database.Read(db => db.Scalar<long>("SELECT inbox_seq FROM outbox WHERE id = @p1", reply.OutboxId));

    private List<(string Status, long? OutboxId)> History(string providerId) => _database.Read(db =>
    {
        using var reader = db.Query("SELECT status, outbox_id FROM delivery_reports WHERE provider_message_id = @p1 ORDER BY id", providerId);
        var rows = new List<(string, long?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
        }

        return rows;
    });

    private sealed record Reply(long OutboxId, string ConversationId, string CustomerId);
}
