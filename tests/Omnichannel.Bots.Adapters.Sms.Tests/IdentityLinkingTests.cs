using System.Net;
using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>What an SMS links, end to end: the provider's <c>From</c> as a verified phone; a number typed in the text never.</summary>
public sealed class IdentityLinkingTests : IClassFixture<SmsHostFixture>
{
    private readonly SmsHostFixture _fixture;

    public IdentityLinkingTests(SmsHostFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData(9101, "+12015550181", "hi", new[] { "phone:+12015550181 provider-phone sms", "sms:+12015550181 channel-address sms" })]
    [InlineData(9102, "+12015550182", "my number is +12015550999", new[] { "phone:+12015550182 provider-phone sms", "sms:+12015550182 channel-address sms" })]
    public async Task Receive_Sms_LinksTheProviderNumberOnly(int sid, string from, string text, string[] linked)
    {
        using var response = await _fixture.Host.PostFormAsync("/api/channels/sms", TwilioForms.Incoming(TwilioForms.MessageSid(sid), from, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = await _fixture.Host.Turns.WaitForAsync(TwilioForms.MessageSid(sid));

        Assert.Equal(linked, await LinkedIdentities.OfAsync(_fixture.Host.Services, entry.CustomerId));
    }
}
