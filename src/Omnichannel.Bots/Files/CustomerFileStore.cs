using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Files;

/// <summary>
/// <see cref="ICustomerFiles"/> on the bot's data folder: each file under <c>customer-files</c> (0600, like everything
/// there) beside a sidecar (<c>ID.json</c>: what it is, whose, when saved, how long), written to <c>ID.tmp</c> first and
/// moved into place once its sidecar is written, so a file is either whole or absent. Links are signed with a host key
/// kept in <c>files.key</c>. A save reserves its share of the conversation's quota before anything is written and
/// gives it back when it is refused or fails; <see cref="DeleteSavedBefore"/> (the retention sweep) frees it again.
/// Web chat uploads saved before this store existed stay in <c>webchat-files</c>: they are found, counted and swept
/// where they are (web chat still honours its older links to them), and new files never go there.
/// </summary>
public sealed class CustomerFileStore : ICustomerFiles
{
    /// <summary>The folder under <c>Storage:DataDirectory</c> new files are saved in.</summary>
    public const string FolderName = "customer-files";

    /// <summary>Where web chat kept its uploads before this store: read, counted and swept, never written.</summary>
    public const string WebChatFolderName = "webchat-files";

    /// <summary>The host key signing links, under <c>Storage:DataDirectory</c>.</summary>
    public const string KeyFileName = "files.key";

    private const int IdLength = 32;
    private readonly string _directory;
    private readonly string[] _folders;
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly LimitsOptions _limits;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _saving = new(StringComparer.Ordinal);
    private Dictionary<string, Usage>? _usage;

    public CustomerFileStore(BotDataDirectory dataDirectory, TimeProvider time, IOptions<LimitsOptions> limits)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(limits);
        _directory = Path.Combine(dataDirectory.Path, FolderName);
        _folders = [_directory, Path.Combine(dataDirectory.Path, WebChatFolderName)];
        var secret = SecretFile.LoadOrCreate(Path.Combine(dataDirectory.Path, KeyFileName), 32, "nothing: the host keeps it (delete the file to invalidate every link to a customer file)");
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "omnibot customer file v1"u8);
        _time = time;
        _limits = limits.Value;
    }

    public string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));

    public string IdFor(string providerKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerKey);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("provider:" + providerKey));
        return Convert.ToHexStringLower(mac.AsSpan(0, IdLength / 2));
    }

    public string Sign(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(id)));
    }

    public async Task<CustomerFileSave> SaveAsync(
        string id, string conversationId, Stream content, string contentType, string? name, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            throw new ArgumentException($"A customer file id is {IdLength} lowercase hex digits (NewId or IdFor); '{id}' is not.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);

        // One save per id at a time: a second one waits for the first and then finds its file (or, if the first was
        // refused or failed, saves its own), so the same id is never written twice at once nor counted twice.
        while (true)
        {
            TaskCompletionSource? running;
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (!_saving.TryGetValue(id, out running))
                {
                    _saving[id] = mine;
                }
            }

            if (running is not null)
            {
                await running.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                return Find(id) is { } existing
                    ? new CustomerFileSave(existing, null)
                    : await WriteAsync(id, conversationId, content, contentType, name, maxBytes, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    _saving.Remove(id);
                }

                mine.SetResult();
            }
        }
    }

    public CustomerFile? Find(string id, string? signature) =>
        IsId(id) && signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(id)))
            ? Find(id)
            : null;

    public CustomerFile? Find(string id)
    {
        if (!IsId(id))
        {
            return null;
        }

        foreach (var folder in _folders)
        {
            var path = Path.Combine(folder, id);
            if (File.Exists(path) && ReadSidecar(path + ".json") is { } stored)
            {
                return ToFile(id, path, stored);
            }
        }

        return null;
    }

    public bool Delete(string id)
    {
        if (!IsId(id))
        {
            return false;
        }

        var deleted = false;
        foreach (var folder in _folders)
        {
            var path = Path.Combine(folder, id);
            if (File.Exists(path + ".json"))
            {
                DeleteSaved(path, ReadSidecar(path + ".json"));
                deleted = true;
            }
        }

        return deleted;
    }

    public IReadOnlyList<CustomerFile> FilesOf(IReadOnlySet<string> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var files = new List<CustomerFile>();
        foreach (var sidecar in Sidecars())
        {
            var path = sidecar[..^".json".Length];
            var id = Path.GetFileName(path);
            if (IsId(id) && File.Exists(path) && ReadSidecar(sidecar) is { Conversation: { } owner } stored && owners.Contains(owner))
            {
                files.Add(ToFile(id, path, stored));
            }
        }

        return files;
    }

    /// <summary>Deletes every file saved before <paramref name="cutoff"/> (and partial writes older than it) and frees its quota; returns how many files.</summary>
    public int DeleteSavedBefore(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            // Counted before anything is deleted, so what is deleted below is subtracted exactly once.
            LoadUsage();
        }

        var deleted = 0;
        foreach (var sidecar in Sidecars())
        {
            var stored = ReadSidecar(sidecar);
            if ((stored?.SavedAt ?? LastWritten(sidecar)) < cutoff)
            {
                DeleteSaved(sidecar[..^".json".Length], stored);
                deleted++;
            }
        }

        // A write cut short by a crash leaves only its .tmp.
        foreach (var partial in _folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, "*.tmp")).Where(p => LastWritten(p) < cutoff))
        {
            File.Delete(partial);
        }

        return deleted;
    }

    private async Task<CustomerFileSave> WriteAsync(
        string id, string conversationId, Stream content, string contentType, string? name, long maxBytes, CancellationToken cancellationToken)
    {
        // A length the stream declares is reserved (and checked) before anything is written; the bytes actually read
        // are what count, and what maxBytes is held to while copying.
        var declared = content.CanSeek ? Math.Max(0, content.Length - content.Position) : 0;
        if (declared > maxBytes)
        {
            return TooLong(maxBytes);
        }

        if (TryReserve(conversationId, 1, declared) is { } overQuota)
        {
            return new CustomerFileSave(null, overQuota);
        }

        var reserved = declared;
        var path = Path.Combine(_directory, id);
        try
        {
            if (!Directory.Exists(_directory))
            {
                // Owner-only, like every file in the data folder (whose start-up tightening covers an older folder).
                OwnerOnlyFiles.CreateDirectory(_directory);
            }

            var length = await CopyAsync(content, path + ".tmp", maxBytes, cancellationToken).ConfigureAwait(false);
            if (length is null)
            {
                DeleteFiles(path);
                Release(conversationId, 1, reserved);
                return TooLong(maxBytes);
            }

            if (TryReserve(conversationId, 0, length.Value - reserved) is { } overQuotaAfterAll)
            {
                DeleteFiles(path);
                Release(conversationId, 1, reserved);
                return new CustomerFileSave(null, overQuotaAfterAll);
            }

            reserved = length.Value;
            var stored = new StoredCustomerFile(contentType, name, conversationId, _time.GetUtcNow(), length.Value);
            await OwnerOnlyFiles.WriteAllTextAsync(path + ".json", StoredCustomerFile.Serialize(stored), cancellationToken).ConfigureAwait(false);
            File.Move(path + ".tmp", path);
            return new CustomerFileSave(ToFile(id, path, stored), null);
        }
        catch
        {
            DeleteFiles(path);
            Release(conversationId, 1, reserved);
            throw;
        }
    }

    /// <summary>Copies to a new owner-only <paramref name="path"/>; null (and stops reading) once past <paramref name="maxBytes"/>.</summary>
    private static async Task<long?> CopyAsync(Stream content, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var file = OwnerOnlyFiles.Create(path);
            await using (file.ConfigureAwait(false))
            {
                long length = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return null;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                return length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static CustomerFileSave TooLong(long maxBytes) => new(null, $"A file may be at most {maxBytes} bytes.");

    /// <summary>
    /// Counts <paramref name="files"/> files of <paramref name="bytes"/> bytes against the conversation's quota, or says
    /// why not (nothing counted then).
    /// </summary>
    private string? TryReserve(string conversationId, int files, long bytes)
    {
        lock (_gate)
        {
            var usage = LoadUsage();
            var now = usage.GetValueOrDefault(conversationId);
            if (now.Files + files > _limits.UploadFilesPerConversation)
            {
                return $"This conversation keeps at most {_limits.UploadFilesPerConversation} files ({now.Files} so far).";
            }

            if (now.Bytes + bytes > _limits.UploadBytesPerConversation)
            {
                return $"This conversation keeps at most {_limits.UploadBytesPerConversation} bytes of files ({now.Bytes} so far).";
            }

            usage[conversationId] = new Usage(now.Files + files, now.Bytes + bytes);
            return null;
        }
    }

    private void Release(string conversationId, int files, long bytes)
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

    private void DeleteSaved(string path, StoredCustomerFile? stored)
    {
        DeleteFiles(path);
        if (stored?.Conversation is { } conversation)
        {
            Release(conversation, 1, stored.Bytes ?? 0);
        }
    }

    /// <summary>Each conversation's saved files, read from the sidecars once (web chat uploads from before quotas count for none).</summary>
    private Dictionary<string, Usage> LoadUsage()
    {
        if (_usage is not null)
        {
            return _usage;
        }

        var usage = new Dictionary<string, Usage>(StringComparer.Ordinal);
        foreach (var sidecar in Sidecars())
        {
            if (ReadSidecar(sidecar) is { Conversation: { } conversation } stored)
            {
                var now = usage.GetValueOrDefault(conversation);
                usage[conversation] = new Usage(now.Files + 1, now.Bytes + (stored.Bytes ?? 0));
            }
        }

        return _usage = usage;
    }

    /// <summary>Every sidecar (<c>ID.json</c>) in the folders files are kept in.</summary>
    private IEnumerable<string> Sidecars() =>
        _folders.Where(Directory.Exists).SelectMany(folder => Directory.EnumerateFiles(folder, "*.json"));

    private static CustomerFile ToFile(string id, string path, StoredCustomerFile stored) => new(
        id,
        path,
        stored.ContentType,
        stored.Name,
        stored.Conversation,
        stored.SavedAt ?? LastWritten(path + ".json"),
        stored.Bytes ?? new FileInfo(path).Length);

    private static StoredCustomerFile? ReadSidecar(string path)
    {
        try
        {
            return StoredCustomerFile.Deserialize(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset LastWritten(string path) => new(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);

    private static bool IsId(string? id) => id is { Length: IdLength } && id.All(char.IsAsciiHexDigitLower);

    private static void DeleteFiles(string path)
    {
        foreach (var file in (string[])[path, path + ".json", path + ".tmp"])
        {
            File.Delete(file);
        }
    }

    private readonly record struct Usage(int Files, long Bytes);
}
