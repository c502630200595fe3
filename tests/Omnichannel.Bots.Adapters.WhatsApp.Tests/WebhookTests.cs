using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// Meta's webhook on a real host: the handshake, X-Hub-Signature-256 over the raw body, the size limit, batches in
/// order, only the configured number's changes, each message kind of Fixtures/ mapped, dedupe by wamid, and statuses into
/// the delivery reports, end to end against the Graph API stand-in.
/// </summary>
public sealed class WebhookTests : IClassFixture<WhatsAppHostFixture>
{
    private readonly WhatsAppHostFixture _fixture;

    public WebhookTests(WhatsAppHostFixture fixture)
    {
        _fixture = fixture;
    }

    private WhatsAppTestHost Host => _fixture.Host;

    private FakeGraphApi Api => _fixture.Api;

    [Fact]
    public async Task Handshake_RightToken_EchoesTheChallengeAsPlainText()
    {
        using var response = await Host.Http.GetAsync(MetaWebhookRequests.Handshake(WhatsAppWebhookEndpoints.Path, "subscribe", WhatsAppTestHost.VerifyToken, "1158201444"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "not-the-token")]
    [InlineData("unsubscribe", WhatsAppTestHost.VerifyToken)]
    public async Task Handshake_WrongTokenOrMode_403(string mode, string token)
    {
        using var response = await Host.Http.GetAsync(MetaWebhookRequests.Handshake(WhatsAppWebhookEndpoints.Path, mode, token, "1158201444"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_Text_StoredWithTheVerifiedNumberNameTimeAndRepliedTo()
    {
        const string from = "12015550101";
        using var response = await Host.PostAsync(WhatsAppFixtures.Text(from, "wamid.T1", "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await StartedAsync("wamid.T1");
        Assert.Equal(ChannelId.WhatsApp, message.Channel);
        Assert.Equal(new ConversationAddress(WhatsAppTestHost.PhoneNumberId, from), message.Conversation);
        Assert.Equal("+12015550101", message.Sender?.PhoneNumber);
        Assert.Equal("Sheena Nelson", message.Sender?.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1744344496), message.Timestamp);
        Assert.Equal("hello", message.Text);
        var reply = await Api.WaitForSendsAsync(from, filter: IsMessage);
        Assert.Equal("You said: hello", reply[0]["text.body"]);
    }

    [Theory]
    [InlineData("interactive-button-reply", "change-button", "Change")]
    [InlineData("interactive-list-reply", "priority_express", "Express Shipping")]
    [InlineData("button", "unsubscribe-promotions", "Stop promotions")]
    public async Task Receive_PressedButtonRowOrTemplateButton_ValueIsTheIdAndTextTheTitle(string fixture, string value, string title)
    {
        var from = "1201555" + (200 + fixture.Length).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4, '0');
        var wamid = "wamid.P" + fixture;
        using (await Host.PostAsync(WhatsAppFixtures.Body(fixture, from, wamid)))
        {
        }

        var message = await StartedAsync(wamid);
        Assert.Equal(value, message.Value);
        Assert.Equal(title, message.Text);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", Assert.IsType<WhatsAppMessageContext>(message.RawRepresentation).ReplyToMessageId);
    }

    [Fact]
    public async Task Receive_Location_BecomesAGeoLocation()
    {
        using (await Host.PostAsync(WhatsAppFixtures.Body("location", "12015550301", "wamid.L1")))
        {
        }

        var message = await StartedAsync("wamid.L1");
        Assert.Equal(new GeoLocation(37.483307, -122.148981, "Main Campus", "1 Hacker Way, Menlo Park, CA 94025"), message.Location);
    }

    [Fact]
    public async Task Receive_Contacts_TextSummaryAndTheRawCardKept()
    {
        using (await Host.PostAsync(WhatsAppFixtures.Body("contacts", "12015550302", "wamid.C1")))
        {
        }

        var message = await StartedAsync("wamid.C1");
        Assert.Equal("Contact: Barbara J. Johnson, +1 (415) 555-0123", message.Text);
        Assert.Contains("\"formatted_name\"", Assert.IsType<WhatsAppMessageContext>(message.RawRepresentation).Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_Reaction_TheEmojiAsTextAndTheReactedMessageKept()
    {
        using (await Host.PostAsync(WhatsAppFixtures.Body("reaction", "12015550303", "wamid.R1")))
        {
        }

        var message = await StartedAsync("wamid.R1");
        Assert.Equal("\U0001F44D", message.Text);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", Assert.IsType<WhatsAppMessageContext>(message.RawRepresentation).ReactedToMessageId);
    }

    [Fact]
    public async Task Receive_DocumentWithCaption_AttachmentBySignedLinkToOurMediaRoute()
    {
        using (await Host.PostAsync(WhatsAppFixtures.Body("document", "12015550304", "wamid.D1", mediaId: "90001")))
        {
        }

        var message = await StartedAsync("wamid.D1");
        Assert.Equal("Invoice", message.Text);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("application/pdf", "invoice-4410.pdf"), (attachment.ContentType, attachment.Name));
        Assert.Equal(new Uri(Host.Http.BaseAddress!, "/api/channels/whatsapp/media/90001").AbsolutePath, attachment.Url.AbsolutePath);
        Assert.Contains("sig=", attachment.Url.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(WhatsAppTestHost.AccessToken, attachment.Url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_UnsupportedOrOtherNumber_AcknowledgedAndNothingStored()
    {
        using var unsupported = await Host.PostAsync(WhatsAppFixtures.Body("unsupported", "12015550305", "wamid.U1"));
        using var otherNumber = await Host.PostAsync(WhatsAppFixtures.Body("text", "12015550305", "wamid.U2", phoneNumberId: "999999999"));
        using var last = await Host.PostAsync(WhatsAppFixtures.Text("12015550305", "wamid.U3", "after"));

        Assert.Equal(HttpStatusCode.OK, unsupported.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherNumber.StatusCode);
        await StartedAsync("wamid.U3");
        Assert.False(InboxHolds("wamid.U1"));
        Assert.False(InboxHolds("wamid.U2"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-app-secret")]
    public async Task Receive_UnsignedOrWronglySigned_401AndNothingStored(string? secret)
    {
        var wamid = "wamid.S" + (secret?.Length ?? 0);
        using var response = await Host.PostAsync(WhatsAppFixtures.Text("12015550306", wamid, "hi"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(InboxHolds(wamid));
    }

    [Fact]
    public async Task Receive_OverMaxBodyBytes_413AndNothingStored()
    {
        using var response = await Host.PostAsync(WhatsAppFixtures.Text("12015550307", "wamid.BIG", new string('a', WhatsAppHostFixture.MaxBodyBytes)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(InboxHolds("wamid.BIG"));
    }

    [Fact]
    public async Task Receive_BatchOfTwoEntriesWithSeveralMessages_AllStoredInOrder()
    {
        static JsonObject Text(string from, string id) => new()
        {
            ["from"] = from,
            ["id"] = id,
            ["timestamp"] = "1744344496",
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = id },
        };
        var body = WhatsAppFixtures.Batch(
            WhatsAppFixtures.Entry("12015550308", Text("12015550308", "wamid.B1"), Text("12015550308", "wamid.B2")),
            WhatsAppFixtures.Entry("12015550309", Text("12015550309", "wamid.B3"), Text("12015550309", "wamid.B4"), Text("12015550309", "wamid.B5")));

        using var response = await Host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Host.Services.GetRequiredService<SqliteDatabase>().Read(db =>
        {
            using var reader = db.Query("SELECT provider_message_id FROM inbox WHERE provider_message_id LIKE 'wamid.B%' ORDER BY seq");
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });
        Assert.Equal(["wamid.B1", "wamid.B2", "wamid.B3", "wamid.B4", "wamid.B5"], stored);
    }

    [Fact]
    public async Task Receive_SameWamidTwice_OneTurnOneReply()
    {
        const string from = "12015550310";
        var body = WhatsAppFixtures.Text(from, "wamid.DUP", "hi");
        using var first = await Host.PostAsync(body);
        using var second = await Host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Api.WaitForSendsAsync(from, filter: IsMessage);
        await BotIdle.WaitAsync(Host.Services);
        Assert.Single(Host.Turns.Started, e => e.Message.Id == "wamid.DUP");
        Assert.Single(Api.SendsTo(from), IsMessage);
    }

    [Fact]
    public async Task Status_DeliveredThenRead_AndFailedWithItsCode_RecordedOnTheReplies()
    {
        const string from = "12015550311";
        using (await Host.PostAsync(WhatsAppFixtures.Text(from, "wamid.ST1", "first")))
        {
        }

        var transcripts = Host.Services.GetRequiredService<ITranscriptStore>();
        var conversationId = (await StartedEntryAsync("wamid.ST1")).ConversationId;
        var first = await ReplyWamidAsync(from, "You said: first");
        using (await Host.PostAsync(WhatsAppFixtures.Text(from, "wamid.ST2", "second")))
        {
        }

        var second = await ReplyWamidAsync(from, "You said: second");

        async Task<DeliveryState> StatusAfterAsync(byte[] body, string replyText, DeliveryStatus expected)
        {
            using var response = await Host.PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            DeliveryState? delivery = null;
            await Eventually.UntilAsync(
                async () => (delivery = (await transcripts.GetByConversationAsync(conversationId, CancellationToken.None))
                    .Last(e => e.Direction == MessageDirection.Outbound && e.Message.Text == replyText).Delivery) is { } state && state.Status == expected,
                $"'{replyText}' {expected}");
            return delivery!;
        }

        await StatusAfterAsync(WhatsAppFixtures.Body("status", from, first, status: "delivered"), "You said: first", DeliveryStatus.Delivered);
        await StatusAfterAsync(WhatsAppFixtures.Body("status", from, first, status: "read"), "You said: first", DeliveryStatus.Read);
        var failed = await StatusAfterAsync(WhatsAppFixtures.Body("status-failed", from, second), "You said: second", DeliveryStatus.Failed);
        Assert.Equal("131047", failed.ErrorCode);
        Assert.StartsWith("Re-engagement message: Message failed to send because more than 24 hours", failed.ErrorMessage, StringComparison.Ordinal);
    }

    internal static bool IsMessage(GraphApiRequest request) => request["status"] is null;

    /// <summary>The wamid the outbox recorded for the reply <paramref name="text"/> to <paramref name="from"/>, once it is marked sent.</summary>
    private async Task<string> ReplyWamidAsync(string from, string text)
    {
        string? wamid = null;
        await Eventually.UntilAsync(
            () => (wamid = Host.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<string>(
                "SELECT provider_message_id FROM outbox WHERE status = 'sent' AND payload LIKE @p1 AND payload LIKE @p2", $"%{from}%", $"%{text}%"))) is not null,
            $"'{text}' marked sent");
        return wamid!;
    }

    private async Task<BotMessage> StartedAsync(string wamid) => (await StartedEntryAsync(wamid)).Message;

    private async Task<InboxEntry> StartedEntryAsync(string wamid)
    {
        await Eventually.UntilAsync(() => Host.Turns.Started.Any(e => e.Message.Id == wamid), $"the turn of {wamid}");
        return Host.Turns.Started.First(e => e.Message.Id == wamid);
    }

    private bool InboxHolds(string wamid) =>
        Host.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<long>("SELECT COUNT(*) FROM inbox WHERE provider_message_id = @p1", wamid)) > 0;
}
