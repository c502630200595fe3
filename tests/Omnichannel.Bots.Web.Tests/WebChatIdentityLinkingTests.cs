using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Identity;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// What a web chat visitor links, as a table: a signed identity's email and phone (<c>signed-identity</c>); an unsigned
/// visitor only their own id, whatever phone or email they carry.
/// </summary>
public sealed class WebChatIdentityLinkingTests
{
    [Theory]
    [InlineData(true, "Ana@Example.com", "+16505550100", new[] { "email:ana@example.com SignedIdentity", "phone:+16505550100 SignedIdentity", "webchat:site:7 ChannelAddress" })]
    [InlineData(true, null, "+16505550100", new[] { "phone:+16505550100 SignedIdentity", "webchat:site:7 ChannelAddress" })]
    [InlineData(false, "ana@example.com", "+16505550100", new[] { "webchat:site:7 ChannelAddress" })]
    [InlineData(false, null, null, new[] { "webchat:site:7 ChannelAddress" })]
    public void Claims_VisitorSignedOrNot_OnlySignedIdentifiersLink(bool verified, string? email, string? phone, string[] linked)
    {
        var sender = new WebChatUser("site:7", "Ana", email, phone, verified).ToParticipant();

        var claims = IdentityKeys.For(ChannelId.WebChat, sender);

        Assert.All(claims, c => Assert.Equal(ChannelId.WebChat, c.VouchedBy));
        Assert.Equal(linked, claims.Select(c => $"{c.Key} {c.Provenance}").Order(StringComparer.Ordinal));
    }
}
