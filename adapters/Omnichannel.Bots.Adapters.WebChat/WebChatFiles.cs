using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Files customers upload in web chat, kept under <c>Storage:DataDirectory/webchat-files</c> and reachable by a
/// link signed with a key derived from the Direct Line secret (so the bot and agents can open them, but nobody can
/// list or guess them). Each conversation may keep <c>Limits:UploadFilesPerConversation</c> files and
/// <c>Limits:UploadBytesPerConversation</c> bytes: an upload reserves its share before anything is written and gives
/// it back if it is refused; <see cref="DeleteSavedBefore"/> (the retention sweep) frees it again.
/// </summary>
internal sealed class WebChatFiles
{
    private readonly string _directory;
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly LimitsOptions _limits;
    private readonly Lock _gate = new();
    private Dictionary<string, Usage>? _usage;

    public WebChatFiles(DirectLineSecret secret, BotDataDirectory dataDirectory, TimeProvider time, IOptions<LimitsOptions> limits)
    {
        _directory = Path.Combine(dataDirectory.Path, "webchat-files");
        _key = secret.FileKey;
        _time = time;
        _limits = limits.Value;
    }

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Counts <paramref name="files"/> files of <paramref name="bytes"/> bytes against the conversation's quota, or says
    /// why not (nothing counted then). Give it back with <see cref="Release"/> if they are not saved after all.
    /// </summary>
    public string? TryReserve(string conversationId, int files, long bytes)
    {
        lock (_gate)
        {
            var usage = LoadUsage();
            var now = usage.GetValueOrDefault(conversationId);
            if (now.Files + files > _limits.UploadFilesPerConversation)
            {
                return $"This conversation keeps at most {_limits.UploadFilesPerConversation} uploaded files ({now.Files} so far).";
            }

            if (now.Bytes + bytes > _limits.UploadBytesPerConversation)
            {
                return $"This conversation keeps at most {_limits.UploadBytesPerConversation} bytes of uploads ({now.Bytes} so far).";
            }

            usage[conversationId] = new Usage(now.Files + files, now.Bytes + bytes);
            return null;
        }
    }

    public void Release(string conversationId, int files, long bytes)
    {
        lock (_gate)
        {
            var usage = LoadUsage();
            var now = usage.GetValueOrDefault(conversationId);
            var left = new Usage(Math.Max(0, now.Files - files), Math.Max(0, now.Bytes - bytes));
            if (left.Files == 0)
            {
                usage.Remove(conversationId);
            }
            else
            {
                usage[conversationId] = left;
            }
        }
    }

    /// <summary>Writes the file under <paramref name="id"/> (from <see cref="NewId"/>); on failure nothing of it is left.</summary>
    public async Task SaveAsync(string id, string conversationId, Stream content, string contentType, string? name, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            // Owner-only, like every file in the data folder (whose start-up tightening covers an older folder).
            OwnerOnlyFiles.CreateDirectory(_directory);
        }

        var path = Path.Combine(_directory, id);
        try
        {
            long length;
            var file = OwnerOnlyFiles.Create(path + ".tmp");
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                length = file.Length;
            }

            var stored = new StoredFile(contentType, name, conversationId, _time.GetUtcNow(), length);
            await OwnerOnlyFiles.WriteAllTextAsync(path + ".json", JsonSerializer.Serialize(stored), cancellationToken).ConfigureAwait(false);
            File.Move(path + ".tmp", path);
        }
        catch
        {
            DeleteFiles(path);
            throw;
        }
    }

    /// <summary>Removes a saved file (its quota is the caller's to release).</summary>
    public void Delete(string id) => DeleteFiles(Path.Combine(_directory, id));

    /// <summary>Deletes every upload saved before <paramref name="cutoff"/> and frees its quota; returns how many.</summary>
    public int DeleteSavedBefore(DateTimeOffset cutoff)
    {
        if (!Directory.Exists(_directory))
        {
            return 0;
        }

        lock (_gate)
        {
            // Counted before anything is deleted, so what is deleted below is subtracted exactly once.
            LoadUsage();
        }

        var deleted = 0;
        foreach (var sidecar in Directory.EnumerateFiles(_directory, "*.json"))
        {
            var path = sidecar[..^".json".Length];
            var stored = ReadSidecar(sidecar);
            var savedAt = stored?.SavedAt ?? new DateTimeOffset(File.GetLastWriteTimeUtc(sidecar), TimeSpan.Zero);
            if (savedAt >= cutoff)
            {
                continue;
            }

            DeleteFiles(path);
            deleted++;
            if (stored?.Conversation is { } conversation)
            {
                Release(conversation, 1, stored.Bytes ?? 0);
            }
        }

        // A write cut short by a crash leaves only its .tmp.
        foreach (var partial in Directory.EnumerateFiles(_directory, "*.tmp"))
        {
            if (new DateTimeOffset(File.GetLastWriteTimeUtc(partial), TimeSpan.Zero) < cutoff)
            {
                File.Delete(partial);
            }
        }

        return deleted;
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

        var stored = ReadSidecar(path + ".json");
        return stored is null ? null : (path, stored);
    }

    /// <summary>Each conversation's saved uploads, read from the sidecars once (files from before quotas count for none).</summary>
    private Dictionary<string, Usage> LoadUsage()
    {
        if (_usage is not null)
        {
            return _usage;
        }

        var usage = new Dictionary<string, Usage>(StringComparer.Ordinal);
        if (Directory.Exists(_directory))
        {
            foreach (var sidecar in Directory.EnumerateFiles(_directory, "*.json"))
            {
                if (ReadSidecar(sidecar) is { Conversation: { } conversation } stored)
                {
                    var now = usage.GetValueOrDefault(conversation);
                    usage[conversation] = new Usage(now.Files + 1, now.Bytes + (stored.Bytes ?? 0));
                }
            }
        }

        return _usage = usage;
    }

    private static StoredFile? ReadSidecar(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<StoredFile>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    private static void DeleteFiles(string path)
    {
        foreach (var file in (string[])[path, path + ".json", path + ".tmp"])
        {
            File.Delete(file);
        }
    }

    private readonly record struct Usage(int Files, long Bytes);

    /// <summary>What a file is; <see cref="Conversation"/>, <see cref="SavedAt"/> and <see cref="Bytes"/> are null for files saved before quotas.</summary>
    internal sealed record StoredFile(string ContentType, string? Name, string? Conversation = null, DateTimeOffset? SavedAt = null, long? Bytes = null);
}
