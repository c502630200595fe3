using System.Globalization;
using Microsoft.Data.Sqlite;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>A database written by schema 2 (handoff requests without tickets) opens as schema 3 with sensible tickets.</summary>
public sealed class MigrationTests
{
    private static readonly long RequestedAt = StoreHarness.Start.AddDays(-1).ToUnixTimeMilliseconds();

    [Fact]
    public async Task Open_SchemaTwoDatabaseWithHandoffRequests_BecomeTicketsOneOpenPerCustomer()
    {
        var directory = Directory.CreateTempSubdirectory("omnibot-handoff-migration-").FullName;
        try
        {
            WriteSchemaTwo(Path.Combine(directory, "bot.db"));

            using var store = new StoreHarness(directory);

            Assert.Equal(SqliteHandoffSchema.Schema.LatestVersion, store.Database.SchemaVersions["handoff"]);
            var open = (await store.Handoffs.ListOpenAsync(CancellationToken.None)).OrderBy(t => t.Id).ToList();
            Assert.Equal([1L, 3L], open.Select(t => t.Id));
            var ticket = open[0];
            Assert.Equal("cnv_a", ticket.ConversationId);
            Assert.Equal("cus_a", ticket.CustomerId);
            Assert.Equal(ChannelId.Sms, ticket.Channel);
            Assert.Equal(HandoffRequest.DefaultQueue, ticket.Queue);
            Assert.Equal(HandoffPriority.Normal, ticket.Priority);
            Assert.Equal("asked for a person", ticket.Reason);
            Assert.Equal(HandoffTicketStatus.Queued, ticket.Status);
            Assert.Equal(RequestedAt, ticket.QueuedAt.ToUnixTimeMilliseconds());
            Assert.Equal(11L, ticket.InboxSequence);

            var superseded = await store.Handoffs.GetAsync(2, CancellationToken.None);
            Assert.Equal(HandoffTicketStatus.ReturnedToBot, superseded!.Status);
            Assert.Equal(RequestedAt, superseded.ClosedAt!.Value.ToUnixTimeMilliseconds());
            Assert.Equal(HandoffTicketStatus.ReturnedToBot, (await store.Handoffs.GetAsync(4, CancellationToken.None))!.Status);

            var due = await store.Handoffs.LoadWebhookDueAsync(store.Time.GetUtcNow(), 10, CancellationToken.None);
            Assert.Equal([1L, 3L], due.Select(t => t.Id));

            var transcript = Assert.Single(await store.Transcripts.GetByConversationAsync("cnv_a", CancellationToken.None));
            Assert.Null(transcript.Insights);
            Assert.Equal("agent please", transcript.Message.Text);

            var claim = await store.Handoffs.ClaimAsync(1, "alice", null, store.Time.GetUtcNow(), CancellationToken.None);
            Assert.True(claim.Claimed);
            var conversation = await store.ConversationAsync("cus_a", "cnv_a");
            Assert.Equal(ConversationOwner.Agent, conversation.Owner);
            Assert.Equal(2, conversation.OwnerEpoch);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Schema 2 as released, with: customer A queued on one conversation (ticket 1); customer B queued on two
    /// conversations, the older request (2) superseded by the newer (3); customer C back with the bot (4).
    /// </summary>
    private static void WriteSchemaTwo(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, SqliteLegacyMigrations.All[0]);
        Execute(connection, SqliteLegacyMigrations.All[1]);
        Execute(connection, "PRAGMA user_version = 2");
        var at = RequestedAt.ToString(CultureInfo.InvariantCulture);
        var payload = StoredJson.Serialize(new BotMessage
        {
            Id = "wamid-1",
            Channel = ChannelId.Sms,
            Conversation = new ConversationAddress("account-1", "+15550100001"),
            Text = "agent please",
        }).Replace("'", "''", StringComparison.Ordinal);
        Execute(connection, $"""
            INSERT INTO customers (id, created_at) VALUES ('cus_a', {at}), ('cus_b', {at}), ('cus_c', {at});
            INSERT INTO conversations (id, channel, account, external_id, customer_id, owner, owner_epoch, created_at, last_activity_at) VALUES
                ('cnv_a', 'sms', 'account-1', '+15550100001', 'cus_a', 'queued', 1, {at}, {at}),
                ('cnv_b1', 'sms', 'account-1', '+15550100002', 'cus_b', 'queued', 1, {at}, {at}),
                ('cnv_b2', 'whatsapp', 'account-1', '15550100002', 'cus_b', 'queued', 1, {at}, {at}),
                ('cnv_c', 'sms', 'account-1', '+15550100003', 'cus_c', 'bot', 2, {at}, {at});
            INSERT INTO messages (conversation_id, customer_id, channel, direction, inbox_seq, message_id, text, payload, created_at) VALUES
                ('cnv_a', 'cus_a', 'sms', 'in', 11, 'wamid-1', 'agent please', '{payload}', {at});
            INSERT INTO handoff_requests (id, conversation_id, customer_id, inbox_seq, reason, requested_at) VALUES
                (1, 'cnv_a', 'cus_a', 11, 'asked for a person', {at}),
                (2, 'cnv_b1', 'cus_b', 12, 'asked', {at}),
                (3, 'cnv_b2', 'cus_b', 13, 'asked again', {at}),
                (4, 'cnv_c', 'cus_c', 14, 'asked long ago', {at});
            """);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The test's own schema and rows.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
