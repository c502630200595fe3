using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Tests.Files;

/// <summary>The customer file store on a real temporary data folder, its clock a <see cref="FakeTimeProvider"/>.</summary>
public sealed class CustomerFileStoreTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("omnibot-files-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Save_KeepsBytesAndSidecar_FoundBySignature()
    {
        var store = Store();
        var id = store.NewId();

        var save = await store.SaveAsync(id, "c-1", new MemoryStream("hello"u8.ToArray()), "text/plain", "a.txt", 100, default);
        var found = store.Find(id, store.Sign(id));

        Assert.Null(save.Refusal);
        Assert.NotNull(found);
        Assert.Equal(("text/plain", "a.txt", "c-1", _time.GetUtcNow(), 5L), (found.ContentType, found.Name, found.ConversationId, found.SavedAt, found.Bytes));
        Assert.Equal("hello"u8.ToArray(), await ReadAsync(found));
        Assert.Equal(Path.Combine(_data, CustomerFileStore.FolderName, id), found.Path);
        Assert.Equal([id, id + ".json"], Names(CustomerFileStore.FolderName));
    }

    [Fact]
    public async Task Find_BadOrMissingSignatureOrAnotherHostsKey_IsNull()
    {
        var store = Store();
        var id = store.NewId();
        await store.SaveAsync(id, "c-1", new MemoryStream([1, 2, 3]), "application/octet-stream", null, 100, default);
        using var elsewhere = new TempFolder();
        var otherHost = new CustomerFileStore(new BotDataDirectory(elsewhere.Path), _time, Limits());

        Assert.Null(store.Find(id, null));
        Assert.Null(store.Find(id, "AAAA"));
        Assert.Null(store.Find(id, store.Sign(store.NewId())));
        Assert.Null(store.Find(id, otherHost.Sign(id)));
        Assert.Null(store.Find("../" + id[3..], store.Sign("../" + id[3..])));
        Assert.NotNull(store.Find(id, store.Sign(id)));
    }

    [Fact]
    public async Task Save_PastTheConversationsFileCount_RefusedAndNothingLeft()
    {
        var store = Store(files: 1);
        await store.SaveAsync(store.NewId(), "c-1", new MemoryStream([1]), "application/octet-stream", null, 100, default);
        var refusedId = store.NewId();

        var refused = await store.SaveAsync(refusedId, "c-1", new MemoryStream([2]), "application/octet-stream", null, 100, default);
        var otherConversation = await store.SaveAsync(store.NewId(), "c-2", new MemoryStream([3]), "application/octet-stream", null, 100, default);

        Assert.False(refused.Saved);
        Assert.Contains("at most 1 files", refused.Refusal, StringComparison.Ordinal);
        Assert.Null(store.Find(refusedId));
        Assert.DoesNotContain(Names(CustomerFileStore.FolderName), name => name.StartsWith(refusedId, StringComparison.Ordinal));
        Assert.True(otherConversation.Saved);
    }

    [Fact]
    public async Task Save_PastTheConversationsBytesOnAStreamOfNoLength_RefusedAfterReadingNothingLeftNothingCounted()
    {
        var store = Store(bytes: 100);
        await store.SaveAsync(store.NewId(), "c-1", new UnseekableStream(new byte[60]), "application/octet-stream", null, 1000, default);

        var refused = await store.SaveAsync(store.NewId(), "c-1", new UnseekableStream(new byte[60]), "application/octet-stream", null, 1000, default);
        var fits = await store.SaveAsync(store.NewId(), "c-1", new UnseekableStream(new byte[40]), "application/octet-stream", null, 1000, default);

        Assert.Contains("at most 100 bytes", refused.Refusal, StringComparison.Ordinal);
        Assert.True(fits.Saved);
        Assert.Equal(4, Names(CustomerFileStore.FolderName).Count);
    }

    [Fact]
    public async Task Save_StreamLongerThanMaxBytes_StopsReadingAndLeavesNothing()
    {
        var store = Store(files: 1);
        var content = new UnseekableStream(new byte[1_000_000]);
        var declared = new MemoryStream(new byte[5000]);

        var refused = await store.SaveAsync(store.NewId(), "c-1", content, "application/octet-stream", null, 1000, default);
        var refusedUnread = await store.SaveAsync(store.NewId(), "c-1", declared, "application/octet-stream", null, 1000, default);
        var afterwards = await store.SaveAsync(store.NewId(), "c-1", new MemoryStream(new byte[1000]), "application/octet-stream", null, 1000, default);

        Assert.Contains("at most 1000 bytes", refused.Refusal, StringComparison.Ordinal);
        Assert.True(content.BytesRead < 1_000_000, $"read {content.BytesRead} bytes of a stream past the limit");
        Assert.Contains("at most 1000 bytes", refusedUnread.Refusal, StringComparison.Ordinal);
        Assert.Equal(0, declared.Position);
        Assert.True(afterwards.Saved, afterwards.Refusal);
        Assert.Equal(2, Names(CustomerFileStore.FolderName).Count);
    }

    [Fact]
    public async Task Save_StreamFailsMidway_NothingLeftAndQuotaGivenBack()
    {
        var store = Store(files: 1);
        var id = store.NewId();

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(id, "c-1", new UnseekableStream(new byte[10], failAfter: 5), "text/plain", null, 100, default));
        var next = await store.SaveAsync(store.NewId(), "c-1", new MemoryStream([1]), "text/plain", null, 100, default);

        Assert.Null(store.Find(id));
        Assert.True(next.Saved, next.Refusal);
        Assert.Equal(2, Names(CustomerFileStore.FolderName).Count);
    }

    [Fact]
    public void IdFor_SameKeySameIdAcrossRestarts_DistinctKeysDistinctIds_OtherHostOtherId()
    {
        var store = Store();
        var restarted = Store();
        using var elsewhere = new TempFolder();
        var otherHost = new CustomerFileStore(new BotDataDirectory(elsewhere.Path), _time, Limits());

        var id = store.IdFor("whatsapp:MEDIA-1");

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, store.IdFor("whatsapp:MEDIA-1"));
        Assert.Equal(id, restarted.IdFor("whatsapp:MEDIA-1"));
        Assert.NotEqual(id, store.IdFor("whatsapp:MEDIA-2"));
        Assert.NotEqual(id, store.IdFor("messenger:MEDIA-1"));
        Assert.NotEqual(id, otherHost.IdFor("whatsapp:MEDIA-1"));
        Assert.NotEqual(store.NewId(), store.NewId());
    }

    [Fact]
    public async Task Save_SameIdTwiceAtOnce_SavedOnceCountedOnceBothSeeIt()
    {
        var store = Store(files: 2);
        var id = store.IdFor("whatsapp:MEDIA-1");
        var slow = new UnseekableStream("first"u8.ToArray(), gate: new TaskCompletionSource());

        var first = store.SaveAsync(id, "c-1", slow, "text/plain", null, 100, default);
        await slow.Reading.Task;
        var second = store.SaveAsync(id, "c-1", new MemoryStream("second"u8.ToArray()), "text/plain", null, 100, default);
        var secondWaited = !second.IsCompleted;
        slow.Gate!.SetResult();
        var results = await Task.WhenAll(first, second);
        var another = await store.SaveAsync(store.NewId(), "c-1", new MemoryStream([1]), "text/plain", null, 100, default);

        Assert.True(secondWaited);
        Assert.All(results, r => Assert.Equal(id, r.File?.Id));
        Assert.Equal("first"u8.ToArray(), await ReadAsync(store.Find(id)!));
        Assert.True(another.Saved, another.Refusal);
        Assert.Equal(4, Names(CustomerFileStore.FolderName).Count);
    }

    [Fact]
    public async Task SaveAgain_AnIdAlreadySaved_ReturnsItUnchangedAndUncounted()
    {
        var store = Store(files: 1);
        var id = store.IdFor("whatsapp:MEDIA-1");
        await store.SaveAsync(id, "c-1", new MemoryStream("first"u8.ToArray()), "text/plain", null, 100, default);

        var again = await store.SaveAsync(id, "c-1", new MemoryStream("second"u8.ToArray()), "text/plain", null, 100, default);

        Assert.True(again.Saved, again.Refusal);
        Assert.Equal("first"u8.ToArray(), await ReadAsync(again.File!));
    }

    [Fact]
    public async Task DeleteSavedBefore_DeletesOldFilesAndFreesTheirQuota()
    {
        var store = Store(files: 1);
        var old = store.NewId();
        await store.SaveAsync(old, "c-1", new MemoryStream([1]), "text/plain", null, 100, default);
        var refusedWhileKept = await store.SaveAsync(store.NewId(), "c-1", new MemoryStream([2]), "text/plain", null, 100, default);
        _time.Advance(TimeSpan.FromDays(2));
        var recent = store.NewId();
        await store.SaveAsync(recent, "c-2", new MemoryStream([3]), "text/plain", null, 100, default);

        var deleted = store.DeleteSavedBefore(_time.GetUtcNow() - TimeSpan.FromDays(1));
        var afterwards = await store.SaveAsync(store.NewId(), "c-1", new MemoryStream([4]), "text/plain", null, 100, default);

        Assert.False(refusedWhileKept.Saved);
        Assert.Equal(1, deleted);
        Assert.Null(store.Find(old, store.Sign(old)));
        Assert.NotNull(store.Find(recent));
        Assert.True(afterwards.Saved, afterwards.Refusal);
    }

    [Fact]
    public async Task Delete_RemovesTheFileAndFreesItsQuota()
    {
        var store = Store(files: 1);
        var id = store.NewId();
        await store.SaveAsync(id, "c-1", new MemoryStream([1]), "text/plain", null, 100, default);

        var deleted = store.Delete(id);
        var again = store.Delete(id);
        var next = await store.SaveAsync(store.NewId(), "c-1", new MemoryStream([2]), "text/plain", null, 100, default);

        Assert.True(deleted);
        Assert.False(again);
        Assert.Null(store.Find(id));
        Assert.True(next.Saved, next.Refusal);
    }

    [Fact]
    public async Task WebChatUploadsFromBeforeTheStore_FoundCountedAndSweptWhereTheyAre()
    {
        var legacy = Directory.CreateDirectory(Path.Combine(_data, CustomerFileStore.WebChatFolderName)).FullName;
        const string Counted = "0123456789abcdef0123456789abcdef";
        const string BeforeQuotas = "fedcba9876543210fedcba9876543210";
        await File.WriteAllBytesAsync(Path.Combine(legacy, Counted), [1, 2, 3]);
        await File.WriteAllTextAsync(
            Path.Combine(legacy, Counted + ".json"),
            $$"""{"ContentType":"image/png","Name":"photo.png","Conversation":"c-1","SavedAt":"{{_time.GetUtcNow().AddDays(-40):O}}","Bytes":3}""");
        await File.WriteAllBytesAsync(Path.Combine(legacy, BeforeQuotas), [4, 5]);
        await File.WriteAllTextAsync(Path.Combine(legacy, BeforeQuotas + ".json"), """{"ContentType":"text/plain","Name":null}""");
        var store = Store(files: 1);

        var counted = store.Find(Counted, store.Sign(Counted));
        var beforeQuotas = store.Find(BeforeQuotas);
        var bytes = await ReadAsync(counted!);
        var refusedWhileKept = await store.SaveAsync(store.NewId(), "c-1", new MemoryStream([9]), "text/plain", null, 100, default);
        var deleted = store.DeleteSavedBefore(_time.GetUtcNow().AddDays(-30));
        var afterSweep = await store.SaveAsync(store.NewId(), "c-1", new MemoryStream([9]), "text/plain", null, 100, default);

        Assert.NotNull(counted);
        Assert.Equal(("image/png", "photo.png", "c-1", 3L), (counted.ContentType, counted.Name, counted.ConversationId, counted.Bytes));
        Assert.Equal([1, 2, 3], bytes);
        Assert.NotNull(beforeQuotas);
        Assert.Equal((null, 2L), (beforeQuotas.ConversationId, beforeQuotas.Bytes));
        Assert.False(refusedWhileKept.Saved);
        Assert.Equal(1, deleted);
        Assert.Null(store.Find(Counted));
        Assert.True(afterSweep.Saved, afterSweep.Refusal);
        Assert.DoesNotContain(Names(CustomerFileStore.WebChatFolderName), name => name.StartsWith(Counted, StringComparison.Ordinal));
    }

    [Fact]
    public void SigningKey_KeptOwnerOnlyInTheDataFolder()
    {
        var store = Store();
        var restarted = Store();
        var id = store.NewId();

        Assert.Equal(store.Sign(id), restarted.Sign(id));
        Assert.True(File.Exists(Path.Combine(_data, CustomerFileStore.KeyFileName)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnlyFiles.FileUnixMode, File.GetUnixFileMode(Path.Combine(_data, CustomerFileStore.KeyFileName)));
        }
    }

    [Fact]
    public async Task FilesOf_Owners_ListsExactlyTheFilesSavedUnderThemInEitherFolder()
    {
        var store = Store();
        var mine = await store.SaveAsync(store.NewId(), "whatsapp:15550001", new MemoryStream([1]), "image/jpeg", null, 100, default);
        var alsoMine = await store.SaveAsync(store.NewId(), "dl-conv-1", new MemoryStream([2]), "text/plain", "b.txt", 100, default);
        await store.SaveAsync(store.NewId(), "whatsapp:15550002", new MemoryStream([3]), "image/jpeg", null, 100, default);
        // One of them where web chat kept uploads before the shared store.
        Directory.CreateDirectory(Path.Combine(_data, CustomerFileStore.WebChatFolderName));
        foreach (var name in new[] { alsoMine.File!.Id, alsoMine.File.Id + ".json" })
        {
            File.Move(Path.Combine(_data, CustomerFileStore.FolderName, name), Path.Combine(_data, CustomerFileStore.WebChatFolderName, name));
        }

        var files = store.FilesOf(new HashSet<string>(StringComparer.Ordinal) { "whatsapp:15550001", "dl-conv-1", "nobody" });

        Assert.Equal(
            new[] { (mine.File!.Id, "whatsapp:15550001"), (alsoMine.File.Id, "dl-conv-1") }.Order(),
            files.Select(f => (f.Id, f.ConversationId!)).Order());
    }

    private CustomerFileStore Store(int files = 100, long bytes = 1_000_000) =>
        new(new BotDataDirectory(_data), _time, Limits(files, bytes));

    private static IOptions<LimitsOptions> Limits(int files = 100, long bytes = 1_000_000) =>
        Options.Create(new LimitsOptions { UploadFilesPerConversation = files, UploadBytesPerConversation = bytes });

    private List<string> Names(string folder) =>
        [.. Directory.EnumerateFiles(Path.Combine(_data, folder)).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    private static async Task<byte[]> ReadAsync(CustomerFile file)
    {
        await using var stream = file.OpenRead();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("omnibot-files-other-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>
    /// A stream that cannot seek (its length unknown, like a provider's download): counts what is read, can wait for
    /// <see cref="Gate"/> before its first bytes (signalling <see cref="Reading"/>), and can fail partway.
    /// </summary>
    private sealed class UnseekableStream(byte[] bytes, TaskCompletionSource? gate = null, int failAfter = -1) : Stream
    {
        private int _position;

        public TaskCompletionSource? Gate { get; } = gate;

        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reading.TrySetResult();
            if (Gate is not null)
            {
                await Gate.Task.WaitAsync(cancellationToken);
            }

            if (failAfter >= 0 && _position >= failAfter)
            {
                throw new IOException("The connection dropped.");
            }

            var count = Math.Min(Math.Min(buffer.Length, 4096), bytes.Length - _position);
            if (failAfter >= 0)
            {
                count = Math.Min(count, failAfter - _position);
            }

            bytes.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
