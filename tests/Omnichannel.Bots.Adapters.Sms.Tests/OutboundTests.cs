using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// Sends through Twilio's Messages.json against the stand-in: the fields and basic auth, the receipt, and each of
/// Twilio's errors classified for the outbox (transient with Retry-After, permanent with Twilio's code, 21610 opted out).
/// </summary>
public sealed class OutboundTests : IClassFixture<SmsHostFixture>
{
    private readonly SmsHostFixture _fixture;

    public OutboundTests(SmsHostFixture fixture)
    {
        _fixture = fixture;
    }

    private FakeTwilioApi Api => _fixture.Api;

    private ChannelAdapter Adapter => _fixture.Host.Services.GetServices<ChannelAdapter>().Single(a => a.Profile.Channel == ChannelId.Sms);

    [Fact]
    public async Task SendAsync_Text_PostsTheFormWithBasicAuthAndReturnsTheSid()
    {
        const string customer = "+12015550131";
        var receipt = await Adapter.SendAsync(Reply(customer, "Your order shipped."), CancellationToken.None);

        var send = Assert.Single(Api.SendsTo(customer));
        Assert.Equal(send.Sid, receipt.ProviderMessageId);
        Assert.Equal(FakeTwilioApi.BasicAuth, send.Authorization);
        Assert.Equal(
            ["To", "From", "Body", "StatusCallback"],
            send.Fields.Select(f => f.Key));
        Assert.Equal("Your order shipped.", send["Body"]);
    }

    [Fact]
    public async Task SendAsync_Attachment_SentAsMediaUrl()
    {
        const string customer = "+12015550132";
        await Adapter.SendAsync(Reply(customer, "Label") with { Attachments = [new Attachment("image/png", new Uri("https://cdn.example.com/label.png"))] }, CancellationToken.None);

        Assert.Equal("https://cdn.example.com/label.png", Assert.Single(Api.SendsTo(customer))["MediaUrl"]);
    }

    [Fact]
    public async Task SendAsync_Unsubscribed21610_PermanentAndOptedOutWithTheCode()
    {
        Api.FailNext(TwilioApiError.Unsubscribed);

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("+12015550133", "hi"), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.True(error.OptedOut);
        Assert.False(error.Unreachable);
        Assert.Equal("21610", error.ProviderCode);
        Assert.Contains("STOP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_InvalidNumber_PermanentWithTwilioCode()
    {
        Api.FailNext(TwilioApiError.InvalidNumber);

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("+12015550134", "hi"), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.False(error.Unreachable);
        Assert.Equal("21211", error.ProviderCode);
    }

    [Theory]
    [InlineData(429, 20429, 7)]
    [InlineData(503, 20503, 30)]
    [InlineData(500, 20500, null)]
    public async Task SendAsync_TooManyRequestsOrServerError_TransientHonouringRetryAfter(int status, int code, int? retryAfter)
    {
        Api.FailNext(new TwilioApiError(status, code, "Try later", retryAfter));

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("+12015550135", "hi"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(retryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null, error.RetryAfter);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ProviderCode);
    }

    [Fact]
    public async Task SendAsync_TwilioUnreachable_Transient()
    {
        var options = Options.Create(new SmsOptions
        {
            Enabled = true,
            AccountSid = FakeTwilioApi.AccountSid,
            AuthToken = FakeTwilioApi.AuthToken,
            FromNumber = SmsTestHost.BotNumber,
            ApiBaseUrl = new Uri("http://127.0.0.1:1"),
        });
        var adapter = new SmsChannelAdapter(_fixture.Host.Services.GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System);

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => adapter.SendAsync(Reply("+12015550136", "hi"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.DoesNotContain(FakeTwilioApi.AuthToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_FromNumber_PacedOneMessageASecondPerNumber_MessagingServiceLeftToTwilio()
    {
        Assert.Equal(new MessageRate(1, TimeSpan.FromSeconds(1)), Adapter.Profile.Pacing.PerAccount);
        Assert.Equal(ChannelPacing.None, SmsProfile.From(new SmsOptions { MessagingServiceSid = "MG" + new string('a', 32) }).Pacing);
    }

    [Fact]
    public void Profile_SegmentBudgetAndKeywordRepliesComeFromTheOptions()
    {
        var byDefault = SmsProfile.From(new SmsOptions());
        Assert.Equal(3, byDefault.Capabilities.MaxSegments);
        Assert.Equal(KeywordReplies.Provider, byDefault.KeywordReplies);
        Assert.Equal(ChannelProfiles.Sms.KeywordTexts, byDefault.KeywordTexts);

        var bot = SmsProfile.From(new SmsOptions { MaxSegments = 5, KeywordReplies = SmsKeywordReplies.Bot, HelpText = " Acme support: reply STOP to opt out. " });
        Assert.Equal(5, bot.Capabilities.MaxSegments);
        Assert.Equal(KeywordReplies.Bot, bot.KeywordReplies);
        Assert.Equal("Acme support: reply STOP to opt out.", bot.KeywordTexts.Help);
        Assert.Equal(ChannelProfiles.Sms.KeywordTexts.OptedOut, bot.KeywordTexts.OptedOut);
    }

    private static BotMessage Reply(string customer, string text) => new()
    {
        Id = "out-" + customer,
        Channel = ChannelId.Sms,
        Conversation = new ConversationAddress(SmsTestHost.BotNumber, customer),
        Text = text,
    };
}
