using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Identity;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// The identity graph's stores on one database file with a fake clock: the inbox (which links what channels vouch for),
/// <see cref="SqliteCustomerLinks"/>, <see cref="SqliteCustomerDirectory"/> and the turn store, with the core's merge
/// participant plus any a test adds.
/// </summary>
public sealed class IdentityHarness : IDisposable
{
    private readonly TempDirectory _temp = new();
    private int _messages;

    public IdentityHarness(IEnumerable<SqliteSchema>? schemas = null, IEnumerable<ISqliteCustomerMerge>? merges = null)
    {
        Database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { DataDirectory = _temp.Path }), NullLogger<SqliteDatabase>.Instance, schemas);
        Merges = [new SqliteCoreCustomerMerge(), .. merges ?? []];
        Inbox = new SqliteInboxStore(Database, Time, Merges);
        Links = new SqliteCustomerLinks(Database, Time, Merges, [], NullLogger<SqliteCustomerLinks>.Instance);
        Directory = new SqliteCustomerDirectory(Database);
        Turns = new SqliteTurnStore(Database, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public SqliteDatabase Database { get; }

    public IReadOnlyList<ISqliteCustomerMerge> Merges { get; }

    public SqliteInboxStore Inbox { get; }

    public SqliteCustomerLinks Links { get; }

    public SqliteCustomerDirectory Directory { get; }

    public SqliteTurnStore Turns { get; }

    /// <summary>A message from <paramref name="sender"/> in their own chat on <paramref name="channel"/>, appended with the claims its channel vouches for.</summary>
    public async Task<InboxEntry> ReceiveAsync(ChannelId channel, Participant sender, string text, string? chat = null)
    {
        var message = new BotMessage
        {
            Id = "m" + Interlocked.Increment(ref _messages).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Channel = channel,
            Conversation = new ConversationAddress("account-1", chat ?? sender.Id),
            Sender = sender,
            Text = text,
        };
        var appended = await Inbox.AppendAsync(message, IdentityKeys.For(message), CancellationToken.None);
        return appended.Entry!;
    }

    /// <summary>Commits a completed turn for <paramref name="entry"/> as the executor would, reading the customer the way it does.</summary>
    public async Task<TurnCommitResult> CommitAsync(InboxEntry entry, string? dialogState, string reply = "ok")
    {
        var snapshot = await Turns.LoadAsync(entry, "root", CancellationToken.None);
        return await CommitAsync(entry, snapshot, dialogState, reply);
    }

    /// <summary>Commits a turn that read <paramref name="snapshot"/> (possibly before something changed under it).</summary>
    public Task<TurnCommitResult> CommitAsync(InboxEntry entry, TurnSnapshot snapshot, string? dialogState, string reply = "ok") =>
        Turns.CommitAsync(
            new TurnCommit
            {
                Inbound = entry with { CustomerId = snapshot.Customer.Id },
                Status = TurnStatus.Completed,
                Replies = [new BotMessage { Id = "out-" + entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Channel = entry.Message.Channel, Conversation = entry.Message.Conversation, Text = reply }],
                DialogId = "root",
                DialogStateJson = dialogState,
                ExpectedStateVersion = snapshot.DialogState?.Version ?? 0,
                ExpectedOwnerEpoch = snapshot.Conversation.OwnerEpoch,
            },
            CancellationToken.None);

    public T? Scalar<T>(string sql, params object?[] values) => Database.Read(db => db.Scalar<T>(sql, values));

    public long Count(string sql, params object?[] values) => Database.Read(db => db.Scalar<long>(sql, values));

    public void Dispose()
    {
        Database.Dispose();
        _temp.Dispose();
    }
}
