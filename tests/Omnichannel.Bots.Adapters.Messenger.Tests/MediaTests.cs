using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>
/// Customers' attachments kept in the host's file store: the stored message links to the host's route, the file is
/// downloaded right after the webhook (nobody opens it) and still served once the CDN URL has expired; a tampered link
/// fetches nothing; an attachment over <c>MaxMediaBytes</c> is not kept; a download that failed at receipt happens on
/// the link's first open. The CDN is the <see cref="FakeGraphApi"/>'s unauthenticated <c>/cdn/{id}</c> route.
/// </summary>
public sealed class MediaTests : IClassFixture<MessengerHostFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 0xFF];

    private readonly MessengerHostFixture _fixture;

    public MediaTests(MessengerHostFixture fixture)
    {
        _fixture = fixture;
    }

    private MessengerTestHost Host => _fixture.Host;

    private FakeGraphApi Api => _fixture.Api;

    [Fact]
    public async Task Image_KeptWithoutBeingOpened_AndServedByteIdenticalAfterTheCdnExpired()
    {
        Api.AddMedia("img-eager", Png, "image/png");

        var link = await PostImageAsync(Host, "7300000000000001", "m_media_eager_1", Api.CdnUrl("img-eager"));

        Assert.StartsWith(new Uri(Host.Http.BaseAddress!, MessengerWebhookEndpoints.MediaPath + "/").AbsoluteUri, link.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain("/cdn/", link.AbsolutePath, StringComparison.Ordinal);
        var kept = await WaitUntilKeptAsync(Host, link);
        Assert.Equal(Png, await File.ReadAllBytesAsync(kept.Path));
        Assert.Equal("image/png", kept.ContentType);
        Assert.Equal("messenger:7300000000000001", kept.ConversationId);

        Api.RemoveMedia("img-eager");
        using var response = await Host.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, Api.CdnDownloads("img-eager"));
    }

    [Fact]
    public async Task TamperedLink_ConversationOrUrl_NotFoundAndNothingFetched()
    {
        Api.AddMedia("img-tamper", Png, "image/png");
        Api.AddMedia("img-elsewhere", [1, 2, 3], "image/png");
        var link = await PostImageAsync(Host, "7300000000000002", "m_media_tamper_1", Api.CdnUrl("img-tamper"));
        await WaitUntilKeptAsync(Host, link);

        var otherConversation = new Uri(link.AbsoluteUri.Replace("c=7300000000000002", "c=7300000000000099", StringComparison.Ordinal));
        var otherUrl = new Uri(link.AbsoluteUri.Replace(
            Uri.EscapeDataString(Api.CdnUrl("img-tamper").AbsoluteUri), Uri.EscapeDataString(Api.CdnUrl("img-elsewhere").AbsoluteUri), StringComparison.Ordinal));
        var unsigned = new Uri(link.GetLeftPart(UriPartial.Path));
        Assert.NotEqual(link, otherConversation);
        Assert.NotEqual(link, otherUrl);

        using var conversationAnswer = await Host.Http.GetAsync(otherConversation);
        using var urlAnswer = await Host.Http.GetAsync(otherUrl);
        using var unsignedAnswer = await Host.Http.GetAsync(unsigned);

        Assert.Equal(HttpStatusCode.NotFound, conversationAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, urlAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsignedAnswer.StatusCode);
        Assert.Equal(0, Api.CdnDownloads("img-elsewhere"));
        Assert.Equal(1, Api.CdnDownloads("img-tamper"));
    }

    [Fact]
    public async Task CdnDownAtReceipt_FirstOpenSaysExpired_ThenKeepsItOnceTheCdnAnswers()
    {
        var link = await PostImageAsync(Host, "7300000000000003", "m_media_later_1", Api.CdnUrl("img-later"));
        await Eventually.UntilAsync(() => Api.CdnDownloads("img-later") >= 1, "the eager download of img-later to be tried");

        using (var refused = await Host.Http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
            Assert.Contains("expired", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null(Kept(Host, link));
        Api.AddMedia("img-later", Png, "image/webp");
        using (var opened = await Host.Http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Equal("image/webp", opened.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Png, await opened.Content.ReadAsByteArrayAsync());
        }

        var downloads = Api.CdnDownloads("img-later");
        Api.RemoveMedia("img-later");
        using var again = await Host.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Png, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(downloads, Api.CdnDownloads("img-later"));
        Assert.NotNull(Kept(Host, link));
    }

    [Fact]
    public async Task OverMaxMediaBytes_NothingKept_LinkIs413()
    {
        await using var api = await FakeGraphApi.StartAsync(MessengerTestHost.PageAccessToken);
        await using var host = await MessengerTestHost.StartAsync(api, ["Channels:Messenger:MaxMediaBytes=1024"]);
        api.AddMedia("img-large", new byte[1025], "image/jpeg");

        var link = await PostImageAsync(host, "7300000000000004", "m_media_large_1", api.CdnUrl("img-large"));
        await Eventually.UntilAsync(() => api.CdnDownloads("img-large") >= 1, "the eager download of img-large to be tried");
        using var response = await host.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Channels:Messenger:MaxMediaBytes allows 1024", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Kept(host, link));
    }

    /// <summary>Posts an image from <paramref name="psid"/> and returns the link its stored message carries.</summary>
    private static async Task<Uri> PostImageAsync(MessengerTestHost host, string psid, string mid, Uri cdnUrl)
    {
        using var response = await host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Image(psid, mid, cdnUrl)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await host.Turns.WaitForAsync(mid)).Message;
        return Assert.Single(message.Attachments).Url;
    }

    private static CustomerFile? Kept(MessengerTestHost host, Uri link) =>
        host.Services.GetRequiredService<ICustomerFiles>().Find(link.Segments[^1]);

    private static async Task<CustomerFile> WaitUntilKeptAsync(MessengerTestHost host, Uri link)
    {
        CustomerFile? kept = null;
        await Eventually.UntilAsync(() => (kept = Kept(host, link)) is not null, $"the attachment behind {link.AbsolutePath} to be kept");
        return kept!;
    }
}
