using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>
/// Messenger end to end against the Graph API stand-in: a customer's text answered through the Send API, quick replies,
/// the sender actions, dedupe of postbacks by mid, echoes ignored, deliveries recorded on the reply, the page filter.
/// </summary>
public sealed class EndToEndTests : IClassFixture<MessengerHostFixture>
{
    private readonly MessengerHostFixture _fixture;

    public EndToEndTests(MessengerHostFixture fixture)
    {
        _fixture = fixture;
    }

    private MessengerTestHost Host => _fixture.Host;

    private FakeGraphApi Api => _fixture.Api;

    [Fact]
    public async Task Text_AnsweredAsResponseWithQuickRepliesAndThePageToken()
    {
        const string psid = "7200000000000001";
        using var response = await Host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Text(psid, "m_e2e_text_1", "hi")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = Assert.Single(await Api.WaitForSendsAsync(psid, filter: IsMessage));

        Assert.Equal($"/{Meta.MetaChannelOptions.DefaultGraphApiVersion}/me/messages", reply.Path);
        Assert.Equal(MessengerTestHost.PageAccessToken, reply.BearerToken);
        Assert.Equal("RESPONSE", reply["messaging_type"]);
        Assert.Null(reply["tag"]);
        Assert.Equal("What can we help with?", reply["message.text"]);
        var quickReplies = reply.Body!["message"]!["quick_replies"]!.AsArray();
        Assert.Equal(
            [("text", HelpDialog.Orders.Title, HelpDialog.Orders.Value), ("text", HelpDialog.Returns.Title, HelpDialog.Returns.Value)],
            quickReplies.Select(q => (q!["content_type"]!.GetValue<string>(), q["title"]!.GetValue<string>(), q["payload"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Text_TurnStarts_MarkSeenThenTypingOn()
    {
        const string psid = "7200000000000002";
        using (await Host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Text(psid, "m_e2e_seen_1", "hello"))))
        {
        }

        var actions = await Api.WaitForSendsAsync(psid, 2, filter: r => r["sender_action"] is not null);

        Assert.Equal(["mark_seen", "typing_on"], actions.Select(a => a["sender_action"]));
        Assert.All(actions, a => Assert.Null(a["message"]));
    }

    [Fact]
    public async Task QuickReplyPressed_PicksThePayloadsChoice()
    {
        const string psid = "7200000000000003";
        using (await Host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Text(psid, "m_e2e_qr_1", "hi"))))
        {
        }

        await Api.WaitForSendsAsync(psid, filter: IsMessage);
        using (await Host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Text(psid, "m_e2e_qr_2", "Returns", HelpDialog.Returns.Value))))
        {
        }

        var replies = await Api.WaitForSendsAsync(psid, 2, IsMessage);
        Assert.Equal("Topic: Returns.", replies[1]["message.text"]);
    }

    [Fact]
    public async Task SamePostbackTwice_OneTurnOneReply()
    {
        const string psid = "7200000000000004";
        var batch = MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Postback(psid, "m_e2e_postback_1", "Get Started", "GET_STARTED"));

        using (var first = await Host.PostAsync(batch))
        using (var second = await Host.PostAsync(batch))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        await Api.WaitForSendsAsync(psid, filter: IsMessage);
        await BotIdle.WaitAsync(Host.Services);
        Assert.Single(Api.SendsTo(psid), IsMessage);
        Assert.Single(Host.Turns.Started, e => e.Message.Conversation.Id == psid);
    }

    [Fact]
    public async Task Echo_IgnoredNoTurnNoReply_TheNextMessageInTheBatchIsTaken()
    {
        const string psid = "7200000000000005";
        var batch = MessengerEvents.Batch(
            MessengerTestHost.PageId, MessengerEvents.Echo(psid, "m_e2e_echo_1", "What can we help with?"), MessengerEvents.Text(psid, "m_e2e_echo_2", "hi"));

        using (var response = await Host.PostAsync(batch))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Host.Turns.WaitForAsync("m_e2e_echo_2");
        await BotIdle.WaitAsync(Host.Services);
        Assert.DoesNotContain(Host.Turns.Started, e => e.Message.Id == "m_e2e_echo_1");
        Assert.Single(Api.SendsTo(psid), IsMessage);
    }

    [Fact]
    public async Task Delivery_RecordedOnTheReplyByItsMessageId()
    {
        const string psid = "7200000000000006";
        using (await Host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Text(psid, "m_e2e_delivery_1", "hi"))))
        {
        }

        var conversationId = (await Host.Turns.WaitForAsync("m_e2e_delivery_1")).ConversationId;
        var transcripts = Host.Services.GetRequiredService<ITranscriptStore>();
        TranscriptEntry? reply = null;
        await Eventually.UntilAsync(
            async () => (reply = (await transcripts.GetByConversationAsync(conversationId, CancellationToken.None))
                .LastOrDefault(e => e.Direction == MessageDirection.Outbound && e.Delivery is not null)) is not null,
            "the reply marked sent");
        Assert.Equal(DeliveryStatus.Sent, reply!.Delivery!.Status);
        var mid = Host.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<string>(
            "SELECT provider_message_id FROM outbox WHERE conversation_id = @p1 AND status = 'sent'", conversationId));
        Assert.StartsWith("m_FAKE", mid, StringComparison.Ordinal);

        using (var response = await Host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Delivery(psid, mid!))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.UntilAsync(
            async () => (await transcripts.GetByConversationAsync(conversationId, CancellationToken.None))
                .Any(e => e.Direction == MessageDirection.Outbound && e.Delivery is { Status: DeliveryStatus.Delivered } delivered
                    && delivered.At == DateTimeOffset.FromUnixTimeMilliseconds(MessengerEvents.DeliveryWatermark)),
            "the delivery recorded on the reply at the watermark's time");
    }

    [Fact]
    public async Task OtherPagesEntry_AcknowledgedAndNotTaken_TheConfiguredPagesIs()
    {
        const string psid = "7200000000000007";
        var batch = MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Text(psid, "m_e2e_page_2", "for this page"));
        batch["entry"]!.AsArray().Insert(0, MessengerEvents.Entry("999000000000001", MessengerEvents.Text(psid, "m_e2e_page_1", "for another page")));

        using (var response = await Host.PostAsync(batch))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Host.Turns.WaitForAsync("m_e2e_page_2");
        Assert.DoesNotContain(Host.Turns.Started, e => e.Message.Id == "m_e2e_page_1");
    }

    [Fact]
    public async Task MalformedEvent_SkippedTheRestOfTheEntryTaken()
    {
        const string psid = "7200000000000008";
        var noMid = MessengerEvents.Text(psid, "m_unused", "no mid");
        noMid["message"]!.AsObject().Remove("mid");

        using (var response = await Host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, noMid, MessengerEvents.Text(psid, "m_e2e_malformed_2", "fine"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var taken = await Host.Turns.WaitForAsync("m_e2e_malformed_2");
        Assert.Equal("fine", taken.Message.Text);
        Assert.Single(Host.Turns.Started, e => e.Message.Conversation.Id == psid);
    }

    [Theory]
    [InlineData("subscribe", MessengerTestHost.VerifyToken, HttpStatusCode.OK)]
    [InlineData("subscribe", "not-the-token", HttpStatusCode.Forbidden)]
    public async Task Handshake_OnTheMessengerRoute(string mode, string token, HttpStatusCode expected)
    {
        using var response = await Host.Http.GetAsync(MetaWebhookRequests.Handshake(MessengerWebhookEndpoints.Path, mode, token, "1158201444"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, await response.Content.ReadAsStringAsync() == "1158201444");
    }

    [Fact]
    public async Task Unsigned_Refused401()
    {
        using var response = await Host.PostAsync(
            System.Text.Encoding.UTF8.GetBytes(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Text("7200000000000009", "m_e2e_unsigned", "hi")).ToJsonString()),
            appSecret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await BotIdle.WaitAsync(Host.Services);
        Assert.DoesNotContain(Host.Turns.Started, e => e.Message.Id == "m_e2e_unsigned");
    }

    private static bool IsMessage(GraphApiRequest request) => request["sender_action"] is null;
}
