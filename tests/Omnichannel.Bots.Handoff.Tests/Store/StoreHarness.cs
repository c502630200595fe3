using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>
/// A real SQLite database file in a temporary folder with the SQLite stores on it, a fake clock, and helpers that
/// accept a customer's message into the inbox and commit its turn the way the core's turn executor does.
/// </summary>
public sealed class StoreHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    private int _messages;

    public StoreHarness(string? directory = null)
    {
        Directory = directory ?? System.IO.Directory.CreateTempSubdirectory("omnibot-handoff-store-").FullName;
        OwnsDirectory = directory is null;
        Database = new SqliteDatabase(
            Options.Create(new SqliteStorageOptions { DataDirectory = Directory }),
            NullLogger<SqliteDatabase>.Instance,
            [SqliteHandoffSchema.Schema]);
        Merges = [new SqliteCoreCustomerMerge(), new SqliteHandoffCustomerMerge()];
        Inbox = new SqliteInboxStore(Database, Time, Merges);
        Links = new SqliteCustomerLinks(Database, Time, Merges, [new SqliteHandoffConversationsMoved()], NullLogger<SqliteCustomerLinks>.Instance);
        Turns = new SqliteTurnStore(Database, Time, [new SqliteHandoffTurnParticipant()]);
        Outbox = new SqliteOutboxStore(Database, Time);
        Transcripts = new SqliteTranscriptStore(Database);
        Handoffs = new SqliteHandoffStore(Database);
    }

    public string Directory { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public SqliteDatabase Database { get; }

    /// <summary>The merge participants a bot with handoff registers (core's and handoff's).</summary>
    public IReadOnlyList<ISqliteCustomerMerge> Merges { get; }

    public SqliteInboxStore Inbox { get; }

    public SqliteCustomerLinks Links { get; }

    public SqliteTurnStore Turns { get; }

    public SqliteOutboxStore Outbox { get; }

    public SqliteTranscriptStore Transcripts { get; }

    public SqliteHandoffStore Handoffs { get; }

    private bool OwnsDirectory { get; }

    /// <summary>A customer's message on <paramref name="channel"/>, linked to others with the same phone number.</summary>
    public async Task<InboxEntry> ReceiveAsync(string text, string phone = "+15550100001", ChannelId? channel = null)
    {
        var on = channel ?? ChannelId.Sms;
        var number = Interlocked.Increment(ref _messages);
        var message = new BotMessage
        {
            Id = "in-" + number.ToString(CultureInfo.InvariantCulture),
            Channel = on,
            Conversation = new ConversationAddress("account-1", on.Value + ":" + phone),
            Sender = new Participant(phone) { PhoneNumber = phone, PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            Text = text,
            Timestamp = Time.GetUtcNow(),
        };
        var appended = await Inbox.AppendAsync(message, [new IdentityClaim("phone:" + phone, IdentityProvenance.ProviderPhone, on)], CancellationToken.None);
        return appended.Entry ?? throw new InvalidOperationException("The message was taken for a duplicate.");
    }

    /// <summary>Commits the entry's turn: one reply, optionally a handoff and insights, under the epoch read now (or the one given).</summary>
    public async Task<TurnCommitResult> CommitAsync(
        InboxEntry entry, HandoffRequest? handoff = null, TurnInsights? insights = null, long? expectedOwnerEpoch = null)
    {
        var snapshot = await Turns.LoadAsync(entry, "root", CancellationToken.None);
        return await Turns.CommitAsync(
            new TurnCommit
            {
                Inbound = entry,
                Status = TurnStatus.Completed,
                Replies = [Reply(entry, "reply to " + entry.Message.Text)],
                ExpectedOwnerEpoch = expectedOwnerEpoch ?? snapshot.Conversation.OwnerEpoch,
                Handoff = handoff,
                Insights = insights ?? TurnInsights.None,
            },
            CancellationToken.None);
    }

    /// <summary>Receives a message whose turn escalates; returns the customer's open ticket.</summary>
    public async Task<HandoffTicket> EscalateAsync(string phone = "+15550100001", HandoffRequest? handoff = null, ChannelId? channel = null)
    {
        var entry = await ReceiveAsync("I want a person", phone, channel);
        await CommitAsync(entry, handoff ?? new HandoffRequest("The customer asked for a person."));
        return await Handoffs.FindLatestForCustomerAsync(entry.CustomerId, CancellationToken.None)
            ?? throw new InvalidOperationException("The escalation made no ticket.");
    }

    public async Task<ConversationRecord> ConversationAsync(InboxEntry entry) =>
        (await Turns.LoadAsync(entry, "root", CancellationToken.None)).Conversation;

    public async Task<ConversationRecord> ConversationAsync(string customerId, string conversationId) =>
        (await Handoffs.GetCustomerConversationsAsync(customerId, CancellationToken.None)).Single(c => c.Conversation.Id == conversationId).Conversation;

    /// <summary>An outbound message addressed to the entry's conversation.</summary>
    public static BotMessage Reply(InboxEntry entry, string text, Participant? sender = null) => new()
    {
        Id = "out-" + Guid.NewGuid().ToString("N"),
        Channel = entry.Message.Channel,
        Conversation = entry.Message.Conversation,
        Sender = sender,
        Text = text,
    };

    public object? Scalar(string sql, params object?[] values)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database.FilePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own constant queries; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("@p" + (i + 1).ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command.ExecuteScalar();
    }

    public long Count(string sql, params object?[] values) => Convert.ToInt64(Scalar(sql, values), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Database.Dispose();
        if (OwnsDirectory)
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
