using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Privacy;

/// <summary>
/// Two customers with data in every table a customer can reach: alice (whom the tests export and erase: a question,
/// a handoff with an agent's note and reply, a rating, an opt-out, a delivery report, web chat history, an upload) and
/// bob (who must keep all of his). Each customer's <see cref="Needles"/> are strings only their data contains.
/// </summary>
internal sealed class PrivacyScenario : IAsyncDisposable
{
    public const string AliceQuestion = "my parcel QX-PRIVACY-4471 is lost";
    public const string AliceNote = "NOTE-PRIVACY-9904 customer sounded upset";
    public const string AliceAgentReply = "AGENT-REPLY-PRIVACY-2208 checking with the courier";
    public const string AliceLogEntry = "LOG-PRIVACY-5512";
    public const string AliceFileText = "FILE-PRIVACY-6620 receipt";
    public const string AliceDeliveryError = "DELIVERY-PRIVACY-3310";
    public const string AlicePhone = "+15550107731";
    public const string BobQuestion = "BOB-KEEPS-8812 where is my order";
    public const string BobFileText = "BOB-FILE-KEEPS-4410";

    private static readonly HandoffTexts Texts = new();

    private PrivacyScenario(HandoffHarness harness) => Harness = harness;

    public HandoffHarness Harness { get; }

    public TestBot Bot => Harness.Bot;

    public string AliceId { get; private set; } = "";

    public string BobId { get; private set; } = "";

    public string AliceFileId { get; private set; } = "";

    public string BobFileId { get; private set; } = "";

    /// <summary>What only alice's data holds: her ids, keys, conversation, texts, note, log entry, file contents.</summary>
    public List<string> AliceNeedles { get; } = [];

    public List<string> BobNeedles { get; } = [];

    public string DatabasePath => Path.Combine(Bot.DataDirectory, "bot.db");

    public static async Task<PrivacyScenario> StartAsync()
    {
        var harness = await HandoffHarness.StartAsync(services: services =>
        {
            services.PostConfigure<AgentsOptions>(o => o.ReplyTimeout = TimeSpan.FromDays(1));
            services.AddSqliteSchema(SqliteWebChatSchema.Schema);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerPrivacy, SqliteWebChatCustomerPrivacy>());
        });
        var scenario = new PrivacyScenario(harness);
        try
        {
            await scenario.FillAsync();
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every table (from sqlite_master) with a value containing one of <paramref name="needles"/>, as "table: needle".</summary>
    public List<string> TablesHolding(IEnumerable<string> needles)
    {
        var wanted = needles.ToList();
        var found = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
#pragma warning disable CA2100 // The table names come from sqlite_master, quoted.
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
#pragma warning restore CA2100
            using var rows = select.ExecuteReader();
            while (rows.Read())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var text = rows.IsDBNull(i) ? null : rows.GetValue(i) switch
                    {
                        byte[] blob => Encoding.UTF8.GetString(blob),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    };
                    found.AddRange(wanted.Where(n => text?.Contains(n, StringComparison.Ordinal) == true).Select(n => $"{table}: {n}"));
                }
            }
        }

        return [.. found.Distinct()];
    }

    /// <summary>The needles found in the bytes of the database file, its write-ahead log and shared memory file.</summary>
    public List<string> FileBytesHolding(IEnumerable<string> needles)
    {
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Bot.DataDirectory, "bot.db*"))
        {
            byte[] bytes;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                file.CopyTo(copy);
                bytes = copy.ToArray();
            }

            found.AddRange(needles.Where(n => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n)) >= 0).Select(n => $"{Path.GetFileName(path)}: {n}"));
        }

        return found;
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();

    private async Task FillAsync()
    {
        var services = Bot.Services;
        var alice = new TestCustomer("privacy-alice-7731", Phone: AlicePhone);
        var bob = new TestCustomer("privacy-bob-5501");

        var aliceChat = Harness.Customer(customer: alice);
        await aliceChat.Send(AliceQuestion).ExpectReply("Answer: " + AliceQuestion).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        await Harness.Customer(customer: bob).Send(BobQuestion).ExpectReply("Answer: " + BobQuestion).RunAsync();

        var ticket = await Harness.OnlyOpenTicketAsync();
        Assert.True((await Harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default)).Succeeded);
        Assert.True((await Harness.Desk.AddNoteAsync(ticket.Id, HandoffHarness.Alice, AliceNote, default)).Succeeded);
        Assert.True((await Harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, AliceAgentReply, default)).Succeeded);
        var webChat = Bot.Channel(ChannelId.WebChat);
        await Eventually.UntilAsync(() => webChat.Sent.Any(m => m.Text == AliceAgentReply), "the agent's reply is delivered");
        Assert.True((await Harness.Desk.ResolveAsync(ticket.Id, HandoffHarness.Alice, default)).Succeeded);
        await Eventually.UntilAsync(() => webChat.Sent.Any(m => m.Text == Texts.AskCsat), "the rating question is sent");
        await aliceChat.Send("4", m => m with { Value = "csat:4" }).ExpectReply(Texts.ThanksForRating).RunAsync();
        Assert.Equal(4, (await Harness.Store.GetAsync(ticket.Id, default))!.CsatScore);

        var database = services.GetRequiredService<SqliteDatabase>();
        var (aliceId, aliceConversation, aliceSentId) = database.Read(db => Ids(db, AlicePhone));
        var (bobId, bobConversation, bobSentId) = database.Read(db => Ids(db, bob.Id));
        (AliceId, BobId) = (aliceId, bobId);

        await services.GetRequiredService<IReachabilityStore>().MarkOptedOutAsync(aliceConversation, Bot.Time.GetUtcNow(), default);
        var reports = services.GetRequiredService<Delivery.IDeliveryReports>();
        await reports.RecordAsync(new DeliveryReport(ChannelId.WebChat, aliceSentId, DeliveryStatus.Failed, Bot.Time.GetUtcNow()) { ErrorMessage = AliceDeliveryError }, default);
        await reports.RecordAsync(new DeliveryReport(ChannelId.WebChat, bobSentId, DeliveryStatus.Delivered, Bot.Time.GetUtcNow()), default);

        // The widget's history of alice's chat (its log is named by her conversation's id on the channel, which for a
        // test customer with a phone is the phone), and bob's.
        var logs = new SqliteActivityLogStore(database, Bot.Time);
        await logs.CreateAsync(AlicePhone, AlicePhone, default);
        await logs.AppendAsync(AlicePhone, "user:1", "{\"type\":\"message\",\"text\":\"" + AliceLogEntry + "\"}", default);
        await logs.CreateAsync(bob.Id, bob.Id, default);
        await logs.AppendAsync(bob.Id, "user:1", "{\"type\":\"message\",\"text\":\"" + BobQuestion + "\"}", default);

        var files = services.GetRequiredService<ICustomerFiles>();
        AliceFileId = await SaveAsync(files, AlicePhone, AliceFileText, "alice-receipt.txt");
        BobFileId = await SaveAsync(files, bob.Id, BobFileText, "bob-photo.txt");

        AliceNeedles.AddRange([AliceId, aliceConversation, alice.Id, AlicePhone, AliceQuestion, AliceNote, AliceAgentReply, AliceLogEntry, AliceDeliveryError]);
        BobNeedles.AddRange([BobId, bobConversation, bob.Id, BobQuestion]);
    }

    private static async Task<string> SaveAsync(ICustomerFiles files, string owner, string text, string name)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var save = await files.SaveAsync(files.NewId(), owner, content, "text/plain", name, 1_000, default);
        return Assert.IsType<CustomerFile>(save.File).Id;
    }

    /// <summary>The customer, conversation and an outbound message's provider id of the chat with external id <paramref name="externalId"/>.</summary>
    private static (string Customer, string Conversation, string ProviderMessageId) Ids(StatementCache db, string externalId)
    {
        using var reader = db.Query(
            "SELECT c.customer_id, c.id, o.provider_message_id FROM conversations c JOIN outbox o ON o.conversation_id = c.id WHERE c.external_id = @p1 AND o.provider_message_id IS NOT NULL ORDER BY o.id LIMIT 1",
            externalId);
        Assert.True(reader.Read(), "the chat has a sent reply");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }
}
