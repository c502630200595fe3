using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary><see cref="SqliteDatabase.CompactAsync"/>: deleted bytes leave the file and its log; it runs alone between group commits.</summary>
public sealed class CompactTests : IDisposable
{
    private const string Insert = "INSERT INTO customers (id, created_at) VALUES (@p1, 0)";
    private readonly TempDirectory _temp = new();
    private readonly SqliteDatabase _database;

    public CompactTests()
    {
        _database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { DataDirectory = _temp.Path }), NullLogger<SqliteDatabase>.Instance);
    }

    [Fact]
    public async Task Compact_AfterDeletes_NoDeletedValueIsLeftInTheFileOrTheLog()
    {
        var ids = Enumerable.Range(0, 300).Select(i => "cus_COMPACT-ME-" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        await _database.WriteAsync(db => ids.Sum(id => db.Execute(Insert, id)), default);
        await _database.WriteAsync(db => db.Execute("DELETE FROM customers WHERE id LIKE 'cus_COMPACT-ME-%'"), default);
        Assert.True(FileHolds("COMPACT-ME-0299"), "the deleted rows' bytes are still in the files before compaction");

        await _database.CompactAsync(default);

        Assert.False(FileHolds("COMPACT-ME-"));
        Assert.Equal(0, new FileInfo(_database.FilePath + "-wal").Length);
        Assert.Equal(0L, _database.Read(db => db.Scalar<long>("PRAGMA freelist_count")));
    }

    [Fact]
    public async Task Compact_WithWritesQueuedAroundIt_EveryWriteCommitsAndTheCompactionRunsOutsideTheirTransaction()
    {
        var before = Enumerable.Range(0, 40).Select(i => _database.WriteAsync(db => db.Execute(Insert, "cus_before_" + i), default)).ToList();
        var compaction = _database.CompactAsync(default);
        var after = Enumerable.Range(0, 40).Select(i => _database.WriteAsync(db => db.Execute(Insert, "cus_after_" + i), default)).ToList();

        await Task.WhenAll([.. before, compaction, .. after]);

        Assert.All(before.Concat(after), write => Assert.Equal(1, write.Result));
        Assert.Equal(80L, _database.Read(db => db.Scalar<long>("SELECT count(*) FROM customers")));
    }

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }

    private bool FileHolds(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(Path.GetDirectoryName(_database.FilePath)!, Path.GetFileName(_database.FilePath) + "*").Any(path =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            file.CopyTo(copy);
            return copy.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }
}
