using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>POST .../upload: files kept, linked by signed URLs, and the message submitted like any other.</summary>
public sealed class DirectLineUploadTests
{
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Upload_ImageWithText_EchoedWithASignedLinkThatServesTheBytes()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await UploadAsync(host, conversation, ("photo.png", "image/png", Png), activity: "{\"type\":\"message\",\"text\":\"hi\",\"channelData\":{\"clientActivityID\":\"up-1\"}}");
        var page = await host.WaitForBotTextAsync(conversation, "How can I help?");
        var echo = page.Activities[0];
        var attachment = echo.GetProperty("attachments")[0];
        var url = new Uri(attachment.GetProperty("contentUrl").GetString()!);
        var file = await host.Http.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up-1", echo.ClientActivityId());
        Assert.Equal("hi", echo.Text());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        Assert.Equal("photo.png", attachment.GetProperty("name").GetString());
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task UploadedHtml_ServedAsADownloadNeverAsAPage()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await UploadAsync(host, conversation, ("page.html", "text/html", Encoding.UTF8.GetBytes("<script>alert(1)</script>")));
        var echo = (await host.GetActivitiesAsync(conversation)).Activities[0];
        var url = new Uri(echo.GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!);
        using var file = await host.Http.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("sandbox", file.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task FileLink_WithoutOrWithAWrongSignature_Is404()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        using var response = await UploadAsync(host, conversation, ("photo.png", "image/png", Png));
        var echo = (await host.GetActivitiesAsync(conversation)).Activities[0];
        var url = new Uri(echo.GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!);

        using var unsigned = await host.Http.GetAsync(url.AbsolutePath);
        using var wrong = await host.Http.GetAsync(url.AbsolutePath + "?sig=AAAA");

        Assert.Equal(HttpStatusCode.NotFound, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    [Fact]
    public async Task Upload_NotMultipart_Is400()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/upload", conversation.Token, new { type = "message" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Is413NothingStored()
    {
        await using var host = await WebChatHost.StartAsync(["Channels:WebChat:MaxUploadBytes=1024"]);
        var conversation = await host.StartConversationAsync();

        using var response = await UploadAsync(host, conversation, ("big.bin", "application/octet-stream", new byte[4096]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task Upload_MalformedActivityPart_Is400NothingStored()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await UploadAsync(host, conversation, ("photo.png", "image/png", Png), activity: "{\"type\":");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(WebChatHost host, StartedConversation conversation, (string Name, string Type, byte[] Bytes) file, string? activity = null)
    {
        using var form = new MultipartFormDataContent();
        if (activity is not null)
        {
            var part = new StringContent(activity, Encoding.UTF8);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(part, "activity", "blob");
        }

        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(file.Type);
        form.Add(content, "file", file.Name);
        using var request = host.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/upload", conversation.Token);
        request.Content = form;
        return await host.Http.SendAsync(request);
    }
}
