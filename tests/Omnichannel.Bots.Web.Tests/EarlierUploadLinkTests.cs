using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Upgrading a host whose web chat kept uploads in <c>webchat-files</c>, with links signed by a key derived from the
/// Direct Line secret: those links keep opening those uploads; that older signature opens nothing else.
/// </summary>
public sealed class EarlierUploadLinkTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task EarlierLink_ToAnUploadInTheOldFolder_StillServesIt()
    {
        var data = Directory.CreateTempSubdirectory("omnibot-upgrade-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(data, CustomerFileStore.WebChatFolderName)).FullName;
            await File.WriteAllBytesAsync(Path.Combine(folder, Id), DirectLineUploadTests.Png);
            await File.WriteAllTextAsync(
                Path.Combine(folder, Id + ".json"),
                $$"""{"ContentType":"image/png","Name":"photo.png","Conversation":"c-1","SavedAt":"{{DateTimeOffset.UtcNow:O}}","Bytes":{{DirectLineUploadTests.Png.Length}}}""");
            await using var host = await WebChatHost.StartAsync(dataDirectory: data);

            using var earlier = await host.Http.GetAsync($"/v3/directline/files/{Id}?sig={EarlierSignature(Id)}");
            using var forged = await host.Http.GetAsync($"/v3/directline/files/{Id}?sig={EarlierSignature("ffffffffffffffffffffffffffffffff")}");

            Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
            Assert.Equal(DirectLineUploadTests.Png, await earlier.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
        finally
        {
            WebChatHost.TryDelete(data);
        }
    }

    [Fact]
    public async Task EarlierSignature_OnAFileSavedSinceTheUpgrade_Is404()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        using var uploaded = await DirectLineUploadTests.UploadAsync(host, conversation, ("photo.png", "image/png", DirectLineUploadTests.Png));
        var link = new Uri((await host.GetActivitiesAsync(conversation)).Activities[0].GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!);
        var id = link.AbsolutePath.Split('/')[^1];

        using var current = await host.Http.GetAsync(link.PathAndQuery);
        using var earlier = await host.Http.GetAsync($"{link.AbsolutePath}?sig={EarlierSignature(id)}");

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, earlier.StatusCode);
    }

    /// <summary>How web chat signed its upload links before the customer file store (written out here, not borrowed from the adapter).</summary>
    private static string EarlierSignature(string id)
    {
        var fileKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebChatHost.Secret), "omnibot directline file v1"u8);
        return Base64Url.EncodeToString(HMACSHA256.HashData(fileKey, Encoding.ASCII.GetBytes(id)));
    }
}
