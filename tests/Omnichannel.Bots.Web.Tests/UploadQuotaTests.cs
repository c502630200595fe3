using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>Limits:UploadFilesPerConversation, UploadBytesPerConversation and UploadRetention, and a refused upload leaving nothing behind.</summary>
public sealed class UploadQuotaTests
{
    [Fact]
    public async Task Upload_PastTheConversationsFileCount_413QuotaExceededAndNothingWritten()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:UploadFilesPerConversation=1"]);
        var conversation = await host.StartConversationAsync();
        var other = await host.StartConversationAsync();

        using var first = await DirectLineUploadTests.UploadAsync(host, conversation, ("a.txt", "text/plain", "one"u8.ToArray()));
        using var second = await DirectLineUploadTests.UploadAsync(host, conversation, ("b.txt", "text/plain", "two"u8.ToArray()));
        using var otherConversation = await DirectLineUploadTests.UploadAsync(host, other, ("c.txt", "text/plain", "three"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
        Assert.Equal("QuotaExceeded", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, otherConversation.StatusCode);
        Assert.Equal(2, StoredFiles(host).Count);
    }

    [Fact]
    public async Task Upload_OverTheConversationsBytes_413AndNothingWritten()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:UploadBytesPerConversation=100"]);
        var conversation = await host.StartConversationAsync();

        using var fits = await DirectLineUploadTests.UploadAsync(host, conversation, ("a.bin", "application/octet-stream", new byte[60]));
        using var tooMuch = await DirectLineUploadTests.UploadAsync(host, conversation, ("b.bin", "application/octet-stream", new byte[60]));

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMuch.StatusCode);
        Assert.Single(StoredFiles(host));
    }

    [Fact]
    public async Task Upload_MessageRefusedAfterParsing_LeavesNoFileBehind()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:UploadFilesPerConversation=1"]);
        var conversation = await host.StartConversationAsync();
        var tooLongText = new string('a', 70_000);

        using var refused = await DirectLineUploadTests.UploadAsync(
            host, conversation, ("a.txt", "text/plain", "one"u8.ToArray()), activity: JsonSerializer.Serialize(new { type = "message", text = tooLongText }));
        using var next = await DirectLineUploadTests.UploadAsync(host, conversation, ("b.txt", "text/plain", "two"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Single(StoredFiles(host));
    }

    [Fact]
    public async Task Upload_PastTheRetentionPeriod_IsDeletedAndItsQuotaFreed()
    {
        var clock = new ShiftableClock();
        await using var host = await WebChatHost.StartAsync(
            ["Limits:UploadRetention=00:01:00", "Limits:UploadSweepInterval=00:00:01", "Limits:UploadFilesPerConversation=1"], clock: clock);
        var conversation = await host.StartConversationAsync();
        using var uploaded = await DirectLineUploadTests.UploadAsync(host, conversation, ("a.txt", "text/plain", "one"u8.ToArray()));
        var link = new Uri((await host.GetActivitiesAsync(conversation)).Activities[0].GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!);
        using var before = await host.Http.GetAsync(link.PathAndQuery);

        // Past the retention, within the token's hour.
        clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.UntilAsync(() => AllFiles(host).Count == 0, "the sweep to delete the expired upload");
        using var after = await host.Http.GetAsync(link.PathAndQuery);
        using var again = await DirectLineUploadTests.UploadAsync(host, conversation, ("b.txt", "text/plain", "two"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// <summary>The uploads kept, after checking each has its sidecar and nothing else (no orphan, no partial write) is there.</summary>
    private static List<string> StoredFiles(WebChatHost host)
    {
        var all = AllFiles(host);
        var contents = all.Where(f => Path.GetExtension(f).Length == 0).ToList();
        Assert.Equal(contents.Select(f => f + ".json").Order(), all.Except(contents).Order());
        return contents;
    }

    private static List<string> AllFiles(WebChatHost host)
    {
        var directory = Path.Combine(host.DataDirectory, CustomerFileStore.FolderName);
        return Directory.Exists(directory) ? [.. Directory.EnumerateFiles(directory)] : [];
    }
}
