using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// A database written by the last release with one schema number for every table (Data/released-schema5.db, see
/// Data/README.md) opens with today's code: every feature's tables are recorded and upgraded in place, and what the
/// release stored (transcript, dialog state, tickets, web chat logs, parked messages) reads back and carries on.
/// </summary>
public sealed class ReleasedDatabaseTests : IDisposable
{
    private static readonly DateTimeOffset WrittenAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public ReleasedDatabaseTests()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "released-schema5.db"), _temp.DatabaseFile);
    }

    [Fact]
    public void Open_ReleasedSchemaFive_EveryFeatureRecordedAtItsLatestVersion()
    {
        using var database = Open();

        Assert.All(Schemas, schema => Assert.Equal((schema.Feature, schema.LatestVersion), (schema.Feature, database.SchemaVersions[schema.Feature])));
        var recorded = database.Read(db =>
        {
            using var reader = db.Query("SELECT feature, version FROM schema_migrations ORDER BY feature");
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
            }

            return rows;
        });
        Assert.Equal(Schemas.Select(s => $"{s.Feature} {s.LatestVersion}").Order(StringComparer.Ordinal), recorded);
    }

    [Fact]
    public async Task Open_ReleasedSchemaFive_TranscriptStateAndParkedMessagesReadBack()
    {
        using var database = Open();
        var time = new FakeTimeProvider(WrittenAt.AddDays(1));
        var transcripts = new SqliteTranscriptStore(database);
        var parked = new SqliteParkedMessageStore(database, time);

        var customerA = CustomerOf(database, "+15550100001");
        var transcript = await transcripts.GetByCustomerAsync(customerA, CancellationToken.None);
        Assert.Equal(
            ["where is my order", "What is your order number?", "agent please", "Connecting you to a person.", "Your refund is on its way."],
            transcript.Select(t => t.Message.Text));
        var message = Assert.Single(await parked.ListAsync(CancellationToken.None));
        Assert.Equal(5, message.Attempts);
        Assert.Contains("boom", message.Error, StringComparison.Ordinal);

        var ticket = database.Read(db =>
        {
            using var reader = db.Query("SELECT queue, priority, rule_source, status, agent_id, csat_score FROM handoff_requests WHERE customer_id = @p1", customerA);
            return reader.Read() ? $"{reader.GetString(0)} {reader.GetInt64(1)} {reader.GetString(2)} {reader.GetString(3)} {reader.GetString(4)} {reader.GetInt64(5)}" : null;
        });
        Assert.Equal("billing 2 handoff-rules.yaml:3 resolved alice 5", ticket);
        Assert.Equal(2L, database.Read(db => db.Scalar<long>("SELECT COUNT(*) FROM activity_log_entries WHERE log_id = 'dl-conv-1'")));
        Assert.Equal(64, database.Read(db => db.Scalar<string>("SELECT resume_secret_hash FROM activity_logs WHERE id = 'dl-conv-1'"))!.Length);
    }

    [Fact]
    public async Task Open_ReleasedSchemaFive_NextTurnContinuesTheStoredDialog()
    {
        using var database = Open();
        var time = new FakeTimeProvider(WrittenAt.AddMinutes(5));
        var inbox = new SqliteInboxStore(database, time);
        var turns = new SqliteTurnStore(database, time);
        var appended = await inbox.AppendAsync(
            new BotMessage
            {
                Id = "dl-conv-1|0000003",
                Channel = ChannelId.WebChat,
                Conversation = new ConversationAddress("account-1", "dl-conv-1"),
                Sender = new Participant("dl-conv-1"),
                Text = "track my order",
                Timestamp = time.GetUtcNow(),
            },
            [new IdentityClaim("webchat:dl_user-1", IdentityProvenance.ChannelAddress, ChannelId.WebChat)],
            CancellationToken.None);
        var entry = Assert.IsType<InboxEntry>(appended.Entry);

        var snapshot = await turns.LoadAsync(entry, "support", CancellationToken.None);

        Assert.Equal(1, snapshot.DialogState!.Version);
        Assert.Contains("\"menu\"", snapshot.DialogState.Json, StringComparison.Ordinal);
        Assert.Equal(ConversationOwner.Bot, snapshot.Conversation.Owner);
        var result = await turns.CommitAsync(
            new TurnCommit
            {
                Inbound = entry,
                Status = TurnStatus.Completed,
                Replies = [new BotMessage { Id = "out-next", Channel = ChannelId.WebChat, Conversation = entry.Message.Conversation, Text = "Your order number?" }],
                DialogId = "support",
                DialogStateJson = """{"stack":[{"dialog":"support","step":"ask-order"}]}""",
                ExpectedStateVersion = 1,
                ExpectedOwnerEpoch = snapshot.Conversation.OwnerEpoch,
            },
            CancellationToken.None);

        Assert.False(result.StateConflict);
        Assert.Single(result.Outbox);
        Assert.Equal(2, (await turns.LoadAsync(entry, "support", CancellationToken.None)).DialogState!.Version);
    }

    [Fact]
    public async Task Open_ReleasedSchemaFive_RepliesSentAfterTheUpgradeCarryDeliveryStatuses()
    {
        using var database = Open();
        var time = new FakeTimeProvider(WrittenAt.AddMinutes(5));
        var outbox = new SqliteOutboxStore(database, time);
        var reports = new SqliteDeliveryReports(database, time, NullLogger<SqliteDeliveryReports>.Instance);
        var transcripts = new SqliteTranscriptStore(database);
        var customerA = CustomerOf(database, "+15550100001");
        Assert.All(await transcripts.GetByCustomerAsync(customerA, CancellationToken.None), e => Assert.Null(e.Delivery));

        foreach (var due in await outbox.LoadDueAsync(10, CancellationToken.None))
        {
            await outbox.MarkSentAsync(due.Id, "SM" + due.Id, CancellationToken.None);
        }

        Assert.True(await reports.RecordAsync(new DeliveryReport(ChannelId.Sms, "SM1", DeliveryStatus.Read, time.GetUtcNow()), CancellationToken.None));
        var transcript = await transcripts.GetByCustomerAsync(customerA, CancellationToken.None);
        Assert.Equal(
            [null, DeliveryStatus.Read, null, DeliveryStatus.Sent, DeliveryStatus.Sent],
            transcript.Select(e => e.Delivery?.Status));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private static IReadOnlyList<SqliteSchema> Schemas { get; } = [SqliteCoreSchema.Schema, SqliteHandoffSchema.Schema, SqliteWebChatSchema.Schema];

    private SqliteDatabase Open() =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = _temp.Path }), NullLogger<SqliteDatabase>.Instance, Schemas.Skip(1));

    private static string CustomerOf(SqliteDatabase database, string phone) =>
        database.Read(db => db.Scalar<string>("SELECT customer_id FROM customer_identities WHERE identity_key = @p1", "phone:" + phone))!;
}
