using System.Net;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// A customer's media through our own signed route: fetched through the Graph API (media id → url → download with the
/// token) on the first open and kept in the host's file store, served from there afterwards without calling Meta;
/// refused without or with a wrong signature, over the size limit, and with Meta's words when Meta refuses.
/// </summary>
public sealed class MediaTests : IClassFixture<WhatsAppHostFixture>
{
    private readonly WhatsAppHostFixture _fixture;

    public MediaTests(WhatsAppHostFixture fixture)
    {
        _fixture = fixture;
    }

    private FakeGraphApi Api => _fixture.Api;

    [Fact]
    public async Task Image_FirstOpenDownloadsOnceAndKeepsIt_SecondOpenServedFromTheStore()
    {
        var bytes = new byte[1500];
        new Random(7).NextBytes(bytes);
        Api.AddMedia("70001", bytes, "image/jpeg");
        var link = await LinkAsync("image", "12015550701", "wamid.M1", "70001");

        using var first = await _fixture.Host.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/jpeg", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await first.Content.ReadAsByteArrayAsync());
        using var second = await _fixture.Host.Http.GetAsync(link);
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());

        Assert.Single(Api.Requests, r => r.Path.EndsWith("/70001", StringComparison.Ordinal) && !r.Path.StartsWith("/download", StringComparison.Ordinal));
        var download = Assert.Single(Api.Requests, r => r.Path == "/download/70001");
        Assert.Equal(WhatsAppTestHost.AccessToken, download.BearerToken);
    }

    [Fact]
    public async Task TwoFirstOpensAtOnce_DownloadedOnceBothServed()
    {
        var bytes = new byte[3000];
        new Random(11).NextBytes(bytes);
        Api.AddMedia("70005", bytes, "video/mp4");
        var link = await LinkAsync("image", "12015550705", "wamid.M5", "70005");

        var responses = await Task.WhenAll(_fixture.Host.Http.GetAsync(link), _fixture.Host.Http.GetAsync(link));

        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
            }
        }

        Assert.Single(Api.Requests, r => r.Path == "/download/70005");
    }

    [Fact]
    public async Task Link_WithoutSignature401_WrongSignature404_NothingFetched()
    {
        Api.AddMedia("70002", [1, 2, 3], "image/png");
        var link = await LinkAsync("image", "12015550702", "wamid.M2", "70002");
        var unsigned = link.GetLeftPart(UriPartial.Path) + "?c=12015550702";
        var wrong = unsigned + "&sig=" + new string('0', 64);

        using var noSignature = await _fixture.Host.Http.GetAsync(unsigned);
        using var wrongSignature = await _fixture.Host.Http.GetAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, noSignature.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongSignature.StatusCode);
        Assert.DoesNotContain(Api.Requests, r => r.Path.EndsWith("/70002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkPointedAtAnotherConversation_404NothingFetched()
    {
        Api.AddMedia("70009", [4, 5, 6], "image/png");
        var link = await LinkAsync("image", "12015550709", "wamid.M9", "70009");
        var moved = link.AbsoluteUri.Replace("c=12015550709", "c=12015550799", StringComparison.Ordinal);
        Assert.NotEqual(link.AbsoluteUri, moved);

        using var response = await _fixture.Host.Http.GetAsync(moved);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Api.Requests, r => r.Path.EndsWith("/70009", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MediaOverMaxMediaBytes_413AndNothingKept()
    {
        Api.AddMedia("70003", new byte[WhatsAppHostFixture.MaxMediaBytes + 1], "application/pdf");
        var link = await LinkAsync("document", "12015550703", "wamid.M3", "70003");

        using var first = await _fixture.Host.Http.GetAsync(link);
        using var again = await _fixture.Host.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, first.StatusCode);
        Assert.Contains("Channels:WhatsApp:MaxMediaBytes", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, again.StatusCode);
    }

    [Fact]
    public async Task MetaRefusesTheMedia_502WithMetasWords()
    {
        var link = await LinkAsync("image", "12015550704", "wamid.M4", "70404");

        using var response = await _fixture.Host.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("Object with ID '70404' does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Uri> LinkAsync(string fixture, string from, string wamid, string mediaId)
    {
        using (await _fixture.Host.PostAsync(WhatsAppFixtures.Body(fixture, from, wamid, mediaId)))
        {
        }

        await Eventually.UntilAsync(() => _fixture.Host.Turns.Started.Any(e => e.Message.Id == wamid), $"the turn of {wamid}");
        return Assert.Single(_fixture.Host.Turns.Started.First(e => e.Message.Id == wamid).Message.Attachments).Url;
    }
}
