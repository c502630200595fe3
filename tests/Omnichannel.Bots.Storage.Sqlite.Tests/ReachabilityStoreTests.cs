using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>The reachability table on its own: the upgrade carries opt-outs over from the transcript; marks lift when the customer writes.</summary>
public sealed class ReachabilityStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Open_DatabaseFromBeforeTheTable_SmsConversationsWhoseLastKeywordIsAnOptOutStayOptedOut()
    {
        using var temp = new TempDirectory();
        using (var database = Open(temp.Path))
        {
            await database.WriteAsync(
                db =>
                {
                    Conversation(db, "sms-stopped", "sms", "hello", " stop! ", "still there?");
                    Conversation(db, "sms-restarted", "sms", "STOP", "start");
                    Conversation(db, "sms-chatty", "sms", "please stop sending me the wrong size");
                    Conversation(db, "webchat-stop", "webchat", "STOP");
                    return 0;
                },
                CancellationToken.None);
        }

        using (var database = Open(temp.Path, SqliteReachabilitySchema.Schema))
        {
            var store = new SqliteReachabilityStore(database);

            Assert.Equal(At.AddMinutes(1), (await store.GetAsync("sms-stopped", CancellationToken.None)).OptedOutAt);
            Assert.Null((await store.GetAsync("sms-restarted", CancellationToken.None)).OptedOutAt);
            Assert.Null((await store.GetAsync("sms-chatty", CancellationToken.None)).OptedOutAt);
            Assert.Null((await store.GetAsync("webchat-stop", CancellationToken.None)).OptedOutAt);
            Assert.Same(ConversationReach.None, await store.GetAsync("no-such-conversation", CancellationToken.None));
        }
    }

    [Fact]
    public async Task GetAsync_MarkedUnreachable_UntilTheCustomerWritesAgain()
    {
        using var temp = new TempDirectory();
        using var database = Open(temp.Path, SqliteReachabilitySchema.Schema);
        var store = new SqliteReachabilityStore(database);
        await database.WriteAsync(db => Conversation(db, "tg-1", "telegram", "hello"), CancellationToken.None);
        var mark = new UnreachableMark("Forbidden: bot was blocked by the user", "403", At.AddMinutes(5));

        await store.MarkUnreachableAsync("tg-1", mark, CancellationToken.None);
        var marked = await store.GetAsync("tg-1", CancellationToken.None);
        await database.WriteAsync(db => Message(db, "tg-1", "telegram", "unblocked", At.AddMinutes(3)), CancellationToken.None);
        var afterWriting = await store.GetAsync("tg-1", CancellationToken.None);

        Assert.Equal(mark, marked.Unreachable);
        Assert.Equal(At, marked.LastInboundAt);
        // Lifted by the message, not by clocks: its time here is earlier than the mark's.
        Assert.Null(afterWriting.Unreachable);
        Assert.Equal(At.AddMinutes(3), afterWriting.LastInboundAt);
    }

    /// <summary>A customer, a conversation and its inbound messages, one a minute from <see cref="At"/>.</summary>
    private static int Conversation(StatementCache db, string id, string channel, params string[] texts)
    {
        db.Execute("INSERT INTO customers (id, created_at) VALUES (@p1, @p2)", "customer-" + id, 0L);
        db.Execute(
            "INSERT INTO conversations (id, channel, account, external_id, customer_id, created_at, last_activity_at) VALUES (@p1, @p2, 'account', @p1, @p3, 0, 0)",
            id,
            channel,
            "customer-" + id);
        for (var i = 0; i < texts.Length; i++)
        {
            Message(db, id, channel, texts[i], At.AddMinutes(i));
        }

        return texts.Length;
    }

    private static int Message(StatementCache db, string conversation, string channel, string text, DateTimeOffset at) => db.Execute(
        "INSERT INTO messages (conversation_id, customer_id, channel, direction, inbox_seq, message_id, text, payload, created_at) VALUES (@p1, @p2, @p3, 'in', 0, @p4, @p5, '{}', @p6)",
        conversation,
        "customer-" + conversation,
        channel,
        Guid.NewGuid().ToString("N"),
        text,
        at.ToUnixTimeMilliseconds());

    private static SqliteDatabase Open(string directory, params SqliteSchema[] features) =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = directory }), NullLogger<SqliteDatabase>.Instance, features);
}
