using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// Twilio's webhooks on a real host: the signature over the public URL, the empty TwiML answer, dedupe by MessageSid,
/// the verified E.164 sender, MMS media, and the status callback into the delivery reports, end to end against the
/// Twilio stand-in.
/// </summary>
public sealed class WebhookTests : IClassFixture<SmsHostFixture>
{
    private readonly SmsHostFixture _fixture;

    public WebhookTests(SmsHostFixture fixture)
    {
        _fixture = fixture;
    }

    private SmsTestHost Host => _fixture.Host;

    private FakeTwilioApi Api => _fixture.Api;

    [Fact]
    public async Task Receive_SignedMessage_AnswersEmptyTwimlAndRepliesThroughTheRestApi()
    {
        const string customer = "+12015550111";
        using var response = await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(1), customer, "hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("<Response/>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var send = Assert.Single(await Api.WaitForSendsAsync(customer));
        Assert.Equal(FakeTwilioApi.AccountSid, send.AccountSid);
        Assert.Equal(FakeTwilioApi.BasicAuth, send.Authorization);
        Assert.Equal(SmsTestHost.BotNumber, send["From"]);
        Assert.Null(send["MessagingServiceSid"]);
        Assert.Equal("https://bot.example.test/api/channels/sms/status", send["StatusCallback"]);
        Assert.Contains("Which size?", send["Body"], StringComparison.Ordinal);
        Assert.Contains("1", send["Body"], StringComparison.Ordinal);
        var message = Assert.Single(Host.Turns.Started, e => e.Message.Conversation.Id == customer).Message;
        Assert.Equal(TwilioForms.MessageSid(1), message.Id);
        Assert.Equal(ChannelId.Sms, message.Channel);
        Assert.Equal(SmsTestHost.BotNumber, message.Conversation.Account);
        Assert.Equal(customer, message.Sender?.PhoneNumber);
    }

    [Fact]
    public async Task Receive_NumberedOption_AnsweredAsTheChoice()
    {
        const string customer = "+12015550112";
        using (await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(2), customer, "hello")))
        {
        }

        await Api.WaitForSendsAsync(customer);
        using (await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(3), customer, "2")))
        {
        }

        var sends = await Api.WaitForSendsAsync(customer, 2);
        Assert.Equal("You chose Large.", sends[1]["Body"]);
    }

    [Fact]
    public async Task Receive_SameMessageSidTwice_StoredAndAnsweredOnce()
    {
        const string customer = "+12015550113";
        var form = TwilioForms.Incoming(TwilioForms.MessageSid(4), customer, "hi");
        using var first = await Host.PostFormAsync("/api/channels/sms", form);
        using var second = await Host.PostFormAsync("/api/channels/sms", form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Api.WaitForSendsAsync(customer);
        await Eventually.UntilAsync(() => Host.Turns.Started.Any(e => e.Message.Conversation.Id == customer), "the turn started");
        Assert.Single(Host.Turns.Started, e => e.Message.Conversation.Id == customer);
        Assert.Single(Api.SendsTo(customer));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bm90IHRoZSByaWdodCBzaWduYXR1cmU=")]
    public async Task Receive_UnsignedOrWrongSignature_401AndNothingStored(string signature)
    {
        var sid = TwilioForms.MessageSid(signature.Length + 10);
        using var response = await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(sid, "+12015550114", "hi"), signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(InboxHolds(sid));
    }

    [Fact]
    public async Task Receive_SignedOverTheLocalUrlInsteadOfThePublicOne_401()
    {
        var form = TwilioForms.Incoming(TwilioForms.MessageSid(20), "+12015550115", "hi");
        var local = new TwilioSignature(FakeTwilioApi.AuthToken).Sign(new Uri(Host.Http.BaseAddress!, "/api/channels/sms"), form);

        using var response = await Host.PostFormAsync("/api/channels/sms", form, local);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Receive_Mms_MediaBecomeAttachmentsByTwilioUrlWithoutCredentials()
    {
        const string customer = "+12015550116";
        const string media = "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1";
        var form = TwilioForms.Incoming(TwilioForms.MessageSid(21), customer, string.Empty, (media, "image/jpeg"), (media + "2", "application/pdf"));

        using var response = await Host.PostFormAsync("/api/channels/sms", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.UntilAsync(() => Host.Turns.Started.Any(e => e.Message.Conversation.Id == customer), "the MMS turn started");
        var message = Host.Turns.Started.Single(e => e.Message.Conversation.Id == customer).Message;
        Assert.Collection(
            message.Attachments,
            a => Assert.Equal(("image/jpeg", media), (a.ContentType, a.Url.AbsoluteUri)),
            a => Assert.Equal(("application/pdf", media + "2"), (a.ContentType, a.Url.AbsoluteUri)));
        Assert.DoesNotContain(FakeTwilioApi.AuthToken, string.Join(' ', message.Attachments.Select(a => a.Url.OriginalString)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From", "not a number", "From is not a phone number in E.164")]
    [InlineData("From", "", "From is missing")]
    [InlineData("MessageSid", "", "MessageSid is missing")]
    [InlineData("NumMedia", "11", "NumMedia must be a whole number from 0 to 10")]
    [InlineData("NumMedia", "1", "MediaUrl0 is missing or not an http(s) URL")]
    public async Task Receive_NotAMessageTwilioSends_400NamingTheField(string field, string value, string expected)
    {
        var sid = TwilioForms.MessageSid(30 + field.Length + value.Length);
        var form = TwilioForms.Incoming(sid, "+12015550117", "hi")
            .Where(f => f.Key != field && !(field == "MessageSid" && f.Key == "SmsMessageSid"))
            .Append(new(field, value)).ToList();

        using var response = await Host.PostFormAsync("/api/channels/sms", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(InboxHolds(sid));
    }

    [Fact]
    public async Task Receive_OverMaxBodyBytes_413()
    {
        var form = TwilioForms.Incoming(TwilioForms.MessageSid(40), "+12015550118", new string('a', SmsHostFixture.MaxBodyBytes));

        using var response = await Host.PostFormAsync("/api/channels/sms", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Receive_JsonBody_400()
    {
        using var body = new StringContent("{\"Body\":\"hi\"}", Encoding.UTF8, "application/json");
        using var response = await Host.PostAsync("/api/channels/sms", body, SmsTestHost.Sign("/api/channels/sms", []));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Status_DeliveredThenUndelivered_RecordedOnTheReplyWithTheErrorCode()
    {
        const string customer = "+12015550119";
        using (await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(50), customer, "hi")))
        {
        }

        await Api.WaitForSendsAsync(customer);
        var transcripts = Host.Services.GetRequiredService<ITranscriptStore>();
        var conversationId = Host.Turns.Started.Single(e => e.Message.Conversation.Id == customer).ConversationId;
        TranscriptEntry? reply = null;
        await Eventually.UntilAsync(
            async () => (reply = (await transcripts.GetByConversationAsync(conversationId, CancellationToken.None))
                .LastOrDefault(e => e.Direction == MessageDirection.Outbound && e.Delivery is not null)) is not null,
            "the reply marked sent");
        var sid = Assert.Single(Api.SendsTo(customer)).Sid;

        using var unsigned = await Host.PostFormAsync("/api/channels/sms/status", TwilioForms.Status(sid, "delivered"), string.Empty);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        using var failed = await Host.PostFormAsync("/api/channels/sms/status", TwilioForms.Status(sid, "undelivered", "30003"));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);

        await Eventually.UntilAsync(
            async () => (await transcripts.GetByConversationAsync(conversationId, CancellationToken.None))
                .Any(e => e.Direction == MessageDirection.Outbound && e.Delivery is { Status: DeliveryStatus.Failed, ErrorCode: "30003" }),
            "the undelivered status recorded with Twilio's error code");
    }

    [Fact]
    public async Task Reply_TwilioSays21610_OptOutRecordedAndLaterSendsRefusedUntilStart()
    {
        const string customer = "+12015550120";
        Api.FailNext(TwilioApiError.Unsubscribed);
        using (await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(60), customer, "hi")))
        {
        }

        await Api.WaitForSendsAsync(customer);
        await BotIdle.WaitAsync(Host.Services);
        var conversationId = Host.Turns.Started.Single(e => e.Message.Conversation.Id == customer).ConversationId;
        var reach = await Host.Services.GetRequiredService<ReachabilityPolicy>().CheckAsync(conversationId, ChannelId.Sms, CancellationToken.None);

        Assert.False(reach.CanSend);
        Assert.Equal(ReachProblemKind.OptedOut, reach.Problem!.Kind);
        Assert.NotNull(reach.OptedOutAt);
        Assert.Single(Api.SendsTo(customer));
        Assert.Equal(1L, Host.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<long>(
            "SELECT COUNT(*) FROM outbox WHERE conversation_id = @p1 AND status = 'failed'", conversationId)));

        // Writing something else does not lift an opt-out (an unreachable mark would be): the reply is refused, not sent.
        using (await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(61), customer, "hello?")))
        {
        }

        await Eventually.UntilAsync(() => Host.Turns.Started.Count(e => e.Message.Conversation.Id == customer) == 2, "the second turn");
        await BotIdle.WaitAsync(Host.Services);
        Assert.Single(Api.SendsTo(customer));

        // START opts back in: the next reply goes out again.
        using (await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(62), customer, "START")))
        {
        }

        using (await Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(63), customer, "hi")))
        {
        }

        await Api.WaitForSendsAsync(customer, 2);
    }

    [Theory]
    [InlineData("delivered")]
    [InlineData("queued")]
    [InlineData("some-future-status")]
    public async Task Status_UnknownSidOrEarlyStatus_200(string status)
    {
        using var response = await Host.PostFormAsync("/api/channels/sms/status", TwilioForms.Status("SM" + new string('f', 32), status));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private bool InboxHolds(string sid) =>
        Host.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<long>("SELECT COUNT(*) FROM inbox WHERE provider_message_id = @p1", sid)) > 0;
}
