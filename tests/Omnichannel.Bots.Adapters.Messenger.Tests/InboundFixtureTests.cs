using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>Meta's documented webhook events (Fixtures/, each naming its page) posted to the webhook, as the inbox stores them.</summary>
public sealed class InboundFixtureTests : IClassFixture<MessengerHostFixture>
{
    private readonly MessengerHostFixture _fixture;

    public InboundFixtureTests(MessengerHostFixture fixture)
    {
        _fixture = fixture;
    }

    private MessengerTestHost Host => _fixture.Host;

    [Fact]
    public async Task Webhook_TextMessage_StoresTextSenderPageAndPayloadTime()
    {
        var message = await PostAndWaitForTurnAsync("text-message", "mid.1457764197618:41d102a3e1ae206a38");

        Assert.Equal("hello, world! café 😀", message.Text);
        Assert.Equal(ChannelId.Messenger, message.Channel);
        Assert.Equal(new ConversationAddress(MessengerTestHost.PageId, "7100000000000001"), message.Conversation);
        Assert.Equal("7100000000000001", message.Sender!.Id);
        Assert.Null(message.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1458692752478), message.Timestamp);
    }

    [Fact]
    public async Task Webhook_QuickReply_IsThePayloadAsValueWithTheTitleAsText()
    {
        var message = await PostAndWaitForTurnAsync("quick-reply", "m_quickreply000000000000000001");

        Assert.Equal("topic:returns", message.Value);
        Assert.Equal("Returns", message.Text);
    }

    [Fact]
    public async Task Webhook_Attachments_LinkToTheHostsCopyWithTheirKind()
    {
        var message = await PostAndWaitForTurnAsync("attachment-image", "mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c", _fixture.Api);

        var cdn = new Uri(_fixture.Api.BaseUrl, "cdn/").AbsoluteUri;
        Assert.Collection(
            message.Attachments,
            image =>
            {
                Assert.Equal(MediaKinds.Image, image.Kind);
                Assert.StartsWith(Host.Http.BaseAddress!.AbsoluteUri.TrimEnd('/') + MessengerWebhookEndpoints.MediaPath + "/", image.Url.AbsoluteUri, StringComparison.Ordinal);
                Assert.Equal(cdn + "photo.jpg?_nc_cat=1&oh=abc&oe=5E0C2B8D", System.Web.HttpUtility.ParseQueryString(image.Url.Query)["u"]);
            },
            file =>
            {
                Assert.Equal(MediaKinds.File, file.Kind);
                Assert.Equal(cdn + "receipt.pdf?_nc_cat=1&oh=def&oe=5E0C2B8D", System.Web.HttpUtility.ParseQueryString(file.Url.Query)["u"]);
            });
        Assert.Null(message.Text);
    }

    [Fact]
    public async Task Webhook_Location_IsTheMessagesLocation()
    {
        var message = await PostAndWaitForTurnAsync("location", "m_location00000000000000000001");

        Assert.Equal(new GeoLocation(51.507351, -0.127758, "Pinned location"), message.Location);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public async Task Webhook_GetStartedPostback_IsTitleAndPayloadWithTheReferralAsDeepLink()
    {
        var message = await PostAndWaitForTurnAsync("postback", "m_postback00000000000000000001");

        Assert.Equal("Get Started", message.Text);
        Assert.Equal("GET_STARTED", message.Value);
        Assert.Equal("order-4711", message.DeepLinkPayload);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1527459824000), message.Timestamp);
    }

    [Fact]
    public async Task Webhook_Referral_KeepsTheMmeRefAsDeepLink()
    {
        using var response = await Host.PostAsync(Fixtures.Body("referral"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await WaitForConversationAsync("7100000000000006");
        Assert.Equal("campaign-spring", entry.DeepLinkPayload);
        Assert.Equal("messenger:referral", entry.Value);
        Assert.Null(entry.Text);
        Assert.Equal("referral:7100000000000006:1458692752478", entry.Id);
    }

    [Theory]
    [InlineData("echo", "7100000000000007")]
    [InlineData("delivery", "7100000000000008")]
    [InlineData("read", "7100000000000009")]
    public async Task Webhook_EchoDeliveryOrRead_AcknowledgedAndNothingStored(string fixture, string psid)
    {
        using var response = await Host.PostAsync(Fixtures.Body(fixture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, InboxRowsMentioning(psid));
    }

    private async Task<BotMessage> PostAndWaitForTurnAsync(string fixture, string mid, Omnichannel.Bots.Adapters.Meta.Testing.FakeGraphApi? cdn = null)
    {
        using var response = await Host.PostAsync(cdn is null ? Fixtures.Body(fixture) : Fixtures.Body(fixture, cdn));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Host.Turns.WaitForAsync(mid)).Message;
    }

    private async Task<BotMessage> WaitForConversationAsync(string psid)
    {
        BotMessage? found = null;
        await Omnichannel.Bots.Testing.Eventually.UntilAsync(
            () => (found = Host.Turns.Started.Select(e => e.Message).FirstOrDefault(m => m.Conversation.Id == psid)) is not null,
            $"a turn from {psid}");
        return found!;
    }

    /// <summary>Inbox rows whose stored message or raw event names <paramref name="psid"/> (the webhook stores before it answers, so this is final).</summary>
    private long InboxRowsMentioning(string psid) =>
        Host.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<long>("SELECT COUNT(*) FROM inbox WHERE payload LIKE @p1 OR raw LIKE @p1", $"%{psid}%"));
}
