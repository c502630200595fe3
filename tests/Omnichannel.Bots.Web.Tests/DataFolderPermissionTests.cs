using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// The sample host's data folder (Storage:DataDirectory) holds transcripts, the Direct Line secret and customers'
/// uploads: it and everything in it are readable by the owner only (folders 0700, files 0600), from the first start,
/// and a folder an earlier version left wider is tightened on start. (On Windows the host leaves rights to the ACLs
/// and these tests check only that the files are there.)
/// </summary>
public sealed class DataFolderPermissionTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task DataFolder_FreshHost_FolderAndEveryFileOwnerOnly()
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("omnibot-private-").FullName, "data");
        try
        {
            await using var host = await WebChatHost.StartAsync(dataDirectory: data, withSecret: false);
            var secret = (await System.IO.File.ReadAllTextAsync(Path.Combine(data, "webchat-secret"))).Trim();
            using var started = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", secret));
            var body = await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            var conversation = new StartedConversation(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, new Uri(body.GetProperty("streamUrl").GetString()!));
            using var upload = await DirectLineUploadTests.UploadAsync(host, conversation, ("photo.png", "image/png", DirectLineUploadTests.Png), activity: "{\"type\":\"message\",\"text\":\"hi\"}");
            upload.EnsureSuccessStatusCode();
            await host.WaitForBotTextAsync(conversation, "How can I help?");
            string[] expected = ["bot.db", "bot.db-wal", "bot.db-shm", "knowledge.db", "webchat-secret", "files.key", "customer-files"];
            await Eventually.UntilAsync(
                () => expected.All(name => Path.Exists(Path.Combine(data, name))),
                "the host to write its database, knowledge index, secret and upload",
                () => string.Join(", ", Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName)));

            var entries = Entries(data);

            Assert.Contains(entries, e => e.Path.StartsWith("customer-files/", StringComparison.Ordinal) && e.Path.EndsWith(".json", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.Path.StartsWith("customer-files/", StringComparison.Ordinal) && !e.Path.EndsWith(".json", StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
                foreach (var (path, isFolder) in entries)
                {
                    Assert.Equal((path, isFolder ? Folder : File), (path, System.IO.File.GetUnixFileMode(Path.Combine(data, path))));
                }
            }
        }
        finally
        {
            WebChatHost.TryDelete(Path.GetDirectoryName(data)!);
        }
    }

    [Fact]
    public async Task DataFolder_LeftWideByAnEarlierVersion_TightenedOnStart()
    {
        var data = Directory.CreateTempSubdirectory("omnibot-private-old-").FullName;
        try
        {
            var secretFile = Path.Combine(data, "webchat-secret");
            var uploads = Directory.CreateDirectory(Path.Combine(data, "webchat-files")).FullName;
            await System.IO.File.WriteAllTextAsync(secretFile, "an-older-version-kept-this-secret-0123456789");
            if (!OperatingSystem.IsWindows())
            {
                const UnixFileMode Wide = UnixFileMode.GroupRead | UnixFileMode.OtherRead;
                System.IO.File.SetUnixFileMode(data, Folder | Wide | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                System.IO.File.SetUnixFileMode(uploads, Folder | Wide | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                System.IO.File.SetUnixFileMode(secretFile, File | Wide);
            }

            await using var host = await WebChatHost.StartAsync(dataDirectory: data, withSecret: false);

            Assert.Equal("an-older-version-kept-this-secret-0123456789", (await System.IO.File.ReadAllTextAsync(secretFile)).Trim());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
                Assert.Equal(Folder, System.IO.File.GetUnixFileMode(uploads));
                Assert.Equal(File, System.IO.File.GetUnixFileMode(secretFile));
                Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "bot.db")));
            }
        }
        finally
        {
            WebChatHost.TryDelete(data);
        }
    }

    /// <summary>Every file and folder under <paramref name="root"/>, as a '/'-separated path relative to it.</summary>
    private static List<(string Path, bool IsFolder)> Entries(string root) =>
        [.. new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(e => (Path.GetRelativePath(root, e.FullName).Replace('\\', '/'), e is DirectoryInfo))
            .OrderBy(e => e.Item1, StringComparer.Ordinal)];
}
