using System.Net;
using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>What a WhatsApp message links, end to end: the sender's number as a verified phone; a number typed in the text never.</summary>
public sealed class IdentityLinkingTests : IClassFixture<WhatsAppHostFixture>
{
    private readonly WhatsAppHostFixture _fixture;

    public IdentityLinkingTests(WhatsAppHostFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("wamid.link-1", "12015550191", "hi", new[] { "phone:+12015550191 provider-phone whatsapp", "whatsapp:12015550191 channel-address whatsapp" })]
    [InlineData("wamid.link-2", "12015550192", "my number is +12015550999", new[] { "phone:+12015550192 provider-phone whatsapp", "whatsapp:12015550192 channel-address whatsapp" })]
    public async Task Receive_WhatsApp_LinksTheSendersNumberOnly(string wamid, string from, string text, string[] linked)
    {
        using var response = await _fixture.Host.PostAsync(WhatsAppFixtures.Text(from, wamid, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = await _fixture.Host.Turns.WaitForAsync(wamid);

        Assert.Equal(linked, await LinkedIdentities.OfAsync(_fixture.Host.Services, entry.CustomerId));
    }
}
