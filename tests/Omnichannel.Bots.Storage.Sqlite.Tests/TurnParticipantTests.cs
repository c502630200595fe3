using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// A feature's rows join the turn's transaction through <see cref="ISqliteTurnParticipant"/>: written with the turn when
/// it commits, and gone with it when the feature's write fails (the inbox row stays pending, so the turn runs again).
/// </summary>
public sealed class TurnParticipantTests
{
    private static readonly SqliteSchema Notes = new("notes", ["CREATE TABLE turn_notes (inbox_seq INTEGER PRIMARY KEY, note TEXT NOT NULL, replies INTEGER NOT NULL) STRICT;"]);

    [Fact]
    public async Task Commit_TurnWithRecord_ParticipantRowsWrittenWithTheTurn()
    {
        using var temp = new TempDirectory();
        using var database = Open(temp.Path);
        var store = new SqliteTurnStore(database, TimeProvider.System, [new NoteParticipant()]);
        var entry = await ReceiveAsync(database, "hello");

        var result = await store.CommitAsync(Commit(entry, new NoteRecord("remember this")), CancellationToken.None);

        Assert.Single(result.Outbox);
        Assert.Equal(("remember this", 1L), database.Read(db =>
        {
            using var reader = db.Query("SELECT note, replies FROM turn_notes WHERE inbox_seq = @p1", entry.Sequence);
            return reader.Read() ? (reader.GetString(0), reader.GetInt64(1)) : default;
        }));
        Assert.Equal("completed", Status(database, entry));
    }

    [Fact]
    public async Task Commit_TurnWithoutRecord_ParticipantWritesNothing()
    {
        using var temp = new TempDirectory();
        using var database = Open(temp.Path);
        var store = new SqliteTurnStore(database, TimeProvider.System, [new NoteParticipant()]);
        var entry = await ReceiveAsync(database, "hello");

        await store.CommitAsync(Commit(entry, record: null), CancellationToken.None);

        Assert.Equal(0L, database.Read(db => db.Scalar<long>("SELECT COUNT(*) FROM turn_notes")));
        Assert.Equal("completed", Status(database, entry));
    }

    [Fact]
    public async Task Commit_ParticipantFails_WholeTurnRolledBack()
    {
        using var temp = new TempDirectory();
        using var database = Open(temp.Path);
        var store = new SqliteTurnStore(database, TimeProvider.System, [new NoteParticipant()]);
        var entry = await ReceiveAsync(database, "hello");

        // A note the table's NOT NULL refuses: the participant's statement fails after the core rows were written.
        await Assert.ThrowsAnyAsync<Exception>(() => store.CommitAsync(Commit(entry, new NoteRecord(null!)), CancellationToken.None));

        Assert.Equal("pending", Status(database, entry));
        Assert.Equal(0L, database.Read(db => db.Scalar<long>("SELECT COUNT(*) FROM messages")));
        Assert.Equal(0L, database.Read(db => db.Scalar<long>("SELECT COUNT(*) FROM outbox")));
    }

    private static SqliteDatabase Open(string directory) =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = directory }), NullLogger<SqliteDatabase>.Instance, [Notes]);

    private static async Task<InboxEntry> ReceiveAsync(SqliteDatabase database, string text)
    {
        var inbox = new SqliteInboxStore(database, new FakeTimeProvider());
        var message = new BotMessage
        {
            Id = "in-" + text,
            Channel = ChannelId.Sms,
            Conversation = new ConversationAddress("account-1", "+15550100001"),
            Sender = new Participant("+15550100001") { PhoneNumber = "+15550100001" },
            Text = text,
        };
        var appended = await inbox.AppendAsync(message, [new IdentityClaim("phone:+15550100001", IdentityProvenance.ProviderPhone, ChannelId.Sms)], CancellationToken.None);
        return appended.Entry!;
    }

    private static TurnCommit Commit(InboxEntry entry, NoteRecord? record) => new()
    {
        Inbound = entry,
        Status = TurnStatus.Completed,
        Replies = [new BotMessage { Id = "out-1", Channel = entry.Message.Channel, Conversation = entry.Message.Conversation, Text = "hi" }],
        ExpectedOwnerEpoch = 0,
        Records = record is null ? [] : [record],
    };

    private static string? Status(SqliteDatabase database, InboxEntry entry) =>
        database.Read(db => db.Scalar<string>("SELECT status FROM inbox WHERE seq = @p1", entry.Sequence));

    private sealed record NoteRecord(string Note) : TurnRecord;

    private sealed class NoteParticipant : ISqliteTurnParticipant
    {
        public void Write(StatementCache db, SqliteTurnWrite turn)
        {
            if (turn.Commit.Record<NoteRecord>() is { } note)
            {
                db.Execute(
                    "INSERT INTO turn_notes (inbox_seq, note, replies) VALUES (@p1, @p2, @p3)",
                    turn.Commit.Inbound.Sequence,
                    note.Note,
                    (long)turn.Outbox.Count);
            }
        }
    }
}
