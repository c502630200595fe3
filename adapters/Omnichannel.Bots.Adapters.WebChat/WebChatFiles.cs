using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Files customers upload in web chat, kept under <c>Storage:DataDirectory/webchat-files</c> and reachable by a
/// link signed with a key derived from the Direct Line secret (so the bot and agents can open them, but nobody can
/// list or guess them).
/// </summary>
internal sealed class WebChatFiles
{
    private readonly string _directory;
    private readonly byte[] _key;

    public WebChatFiles(DirectLineSecret secret, BotDataDirectory dataDirectory)
    {
        _directory = Path.Combine(dataDirectory.Path, "webchat-files");
        _key = secret.FileKey;
    }

    public async Task<string> SaveAsync(Stream content, string contentType, string? name, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            // Owner-only, like every file in the data folder (whose start-up tightening covers an older folder).
            OwnerOnlyFiles.CreateDirectory(_directory);
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(_directory, id);
        var file = OwnerOnlyFiles.Create(path + ".tmp");
        await using (file.ConfigureAwait(false))
        {
            await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        await OwnerOnlyFiles.WriteAllTextAsync(path + ".json", JsonSerializer.Serialize(new StoredFile(contentType, name)), cancellationToken).ConfigureAwait(false);
        File.Move(path + ".tmp", path);
        return id;
    }

    public string Signature(string id) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(id)));

    /// <summary>The file's path and what it is, if the id and signature are right and the file exists.</summary>
    public (string Path, StoredFile File)? Find(string id, string? signature)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower) || signature is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Signature(id))))
        {
            return null;
        }

        var path = Path.Combine(_directory, id);
        if (!File.Exists(path) || !File.Exists(path + ".json"))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<StoredFile>(File.ReadAllText(path + ".json"));
        return stored is null ? null : (path, stored);
    }

    internal sealed record StoredFile(string ContentType, string? Name);
}
