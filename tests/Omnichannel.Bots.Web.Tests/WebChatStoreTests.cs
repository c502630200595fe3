using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Web chat owns its tables (a bot without it has none), and a turn's web chat replies are appended to the activity log
/// and their outbox rows marked sent in the turn's own commit, so the outbox dispatcher never sends them.
/// </summary>
public sealed class WebChatStoreTests : IDisposable
{
    private const string ConversationId = "0123456789abcdef0123456789abcdef";

    private readonly string _directory = Directory.CreateTempSubdirectory("omnibot-webchat-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddSqliteStorage_WithOrWithoutWebChat_ActivityLogTablesOnlyWithIt(bool withWebChat)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddOmnichannelBot(bot =>
        {
            bot.AddSqliteStorage(o => o.DataDirectory = _directory);
            if (withWebChat)
            {
                bot.AddWebChatChannel();
            }
        });
        using var provider = services.BuildServiceProvider();

        var database = provider.GetRequiredService<SqliteDatabase>();
        var tables = database.Read(db =>
        {
            var names = new List<string>();
            using var reader = db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE @p1", "activity_log%");
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        });

        Assert.Equal(withWebChat ? ["activity_log_entries", "activity_logs"] : [], tables.Order(StringComparer.Ordinal));
        Assert.Equal(withWebChat, database.SchemaVersions.ContainsKey(SqliteWebChatSchema.Feature));
    }

    [Fact]
    public async Task Commit_WebChatReplies_AppendedAndOutboxMarkedSentInTheCommit()
    {
        using var database = Open();
        var log = new SqliteActivityLogStore(database, TimeProvider.System);
        await log.CreateAsync(ConversationId, "dl_user", CancellationToken.None);
        var store = new SqliteTurnStore(database, TimeProvider.System, [new SqliteWebChatTurnParticipant()]);
        var entry = await ReceiveAsync(database);
        var commitsBefore = database.CommitStatistics.Commits;

        var result = await store.CommitAsync(Commit(entry, Typing("r0"), Reply("r1", "Hello"), Reply("r2", "How can I help?", "Track an order")), CancellationToken.None);

        Assert.Empty(result.Outbox);
        Assert.Equal(commitsBefore + 1, database.CommitStatistics.Commits);
        var entries = await log.ReadAsync(ConversationId, 0, 10, CancellationToken.None);
        Assert.Equal(["bot:r1", "bot:r2"], entries.Select(e => e.DedupeKey));
        var outbox = database.Read(db =>
        {
            var rows = new List<(string Message, string Status, string? ProviderId)>();
            using var reader = db.Query("SELECT message_id, status, provider_message_id FROM outbox ORDER BY id");
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }

            return rows;
        });
        Assert.Equal(
            [("r0", "sent", null), ("r1", "sent", DirectLineActivities.IdFor(ConversationId, entries[0].Sequence)), ("r2", "sent", DirectLineActivities.IdFor(ConversationId, entries[1].Sequence))],
            outbox);

        using var set = JsonDocument.Parse(DirectLineActivities.ActivitySet(ConversationId, entries, 0));
        var second = set.RootElement.GetProperty("activities")[1];
        Assert.Equal(DirectLineActivities.IdFor(ConversationId, entries[1].Sequence), second.GetProperty("id").GetString());
        Assert.Equal("How can I help?", second.GetProperty("text").GetString());
        Assert.Equal("bot", second.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("Track an order", second.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("value").GetString());
        Assert.Equal(DirectLineActivities.Watermark(entries[1].Sequence), set.RootElement.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task Commit_WebChatReplyWithoutLog_LeftPendingForTheDispatcher()
    {
        using var database = Open();
        var store = new SqliteTurnStore(database, TimeProvider.System, [new SqliteWebChatTurnParticipant()]);
        var entry = await ReceiveAsync(database);

        var result = await store.CommitAsync(Commit(entry, Reply("r1", "Hello")), CancellationToken.None);

        Assert.Equal(["r1"], result.Outbox.Select(o => o.Message.Id));
        Assert.Equal("pending", database.Read(db => db.Scalar<string>("SELECT status FROM outbox WHERE message_id = 'r1'")));
        Assert.Equal(0L, database.Read(db => db.Scalar<long>("SELECT COUNT(*) FROM activity_log_entries")));
    }

    [Fact]
    public void ActivitySet_StoredUserActivity_IdFirstAndFieldsKept()
    {
        var activity = new UserActivity("message", "hi", null, "en-GB", null, "client-1", [new Attachment("image/png", new Uri("https://files.example/a.png"), null)]);
        var stored = DirectLineActivities.ForUserActivity(activity, ConversationId, new WebChatUser("dl_user", "Jane"), DateTimeOffset.UnixEpoch);

        var text = DirectLineActivities.ActivitySet(ConversationId, [new ActivityLogEntry(42, "user:client-1", stored, DateTimeOffset.UnixEpoch)], 0);

        Assert.StartsWith("{\"activities\":[{\"id\":\"" + ConversationId + "|0000042\",\"type\":\"message\"", text, StringComparison.Ordinal);
        using var set = JsonDocument.Parse(text);
        var echoed = set.RootElement.GetProperty("activities")[0];
        Assert.Equal("client-1", echoed.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("Jane", echoed.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, echoed.GetProperty("attachments")[0].GetProperty("name").ValueKind);
        Assert.False(echoed.TryGetProperty("value", out _));
        Assert.Equal("42", set.RootElement.GetProperty("watermark").GetString());
    }

    private SqliteDatabase Open() =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), NullLogger<SqliteDatabase>.Instance, [SqliteWebChatSchema.Schema]);

    private static async Task<InboxEntry> ReceiveAsync(SqliteDatabase database)
    {
        var inbox = new SqliteInboxStore(database, TimeProvider.System);
        var appended = await inbox.AppendAsync(
            new BotMessage
            {
                Id = ConversationId + "/client-1",
                Channel = ChannelId.WebChat,
                Conversation = new ConversationAddress(DirectLineActivities.ChannelName, ConversationId),
                Sender = new Participant("dl_user"),
                Text = "hi",
            },
            [],
            CancellationToken.None);
        return appended.Entry!;
    }

    private static TurnCommit Commit(InboxEntry entry, params BotMessage[] replies) => new()
    {
        Inbound = entry,
        Status = TurnStatus.Completed,
        Replies = replies,
        ExpectedOwnerEpoch = 0,
    };

    private static BotMessage Reply(string id, string text, params string[] choices) => new()
    {
        Id = id,
        Channel = ChannelId.WebChat,
        Conversation = new ConversationAddress(DirectLineActivities.ChannelName, ConversationId),
        Text = text,
        Choices = [.. choices.Select(c => new Choice(c, c))],
    };

    private static BotMessage Typing(string id) => Reply(id, string.Empty) with { Kind = MessageKind.Typing };
}
