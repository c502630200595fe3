using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Hosting;

/// <summary>The one file watcher under the knowledge folder and the routing rules file: real files in a temp folder.</summary>
public sealed class DebouncedFileWatcherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("omnibot-watch-").FullName;
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ForFile_RenameOverSave_Signals()
    {
        var target = Path.Combine(_root, "rules.yaml");
        await File.WriteAllTextAsync(target, "v1");
        using var watcher = DebouncedFileWatcher.ForFile(target, TimeSpan.FromMilliseconds(100), _time);
        var temp = Path.Combine(_root, ".rules.yaml.tmp");
        await File.WriteAllTextAsync(temp, "v2");
        watcher.TakeChange();

        File.Move(temp, target, overwrite: true);

        Assert.True(watcher.UsesEvents);
        Assert.True(await WaitAsync(watcher), "no signal after the rename over the file");
        Assert.True(watcher.TakeChange());
    }

    [Fact]
    public async Task ForFile_FolderMissing_PollsOnTheClockUntilItAppears()
    {
        var folder = Path.Combine(_root, "later");
        using var watcher = DebouncedFileWatcher.ForFile(Path.Combine(folder, "rules.yaml"), TimeSpan.Zero, _time);
        var pollingAtFirst = watcher.UsesEvents;

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "rules.yaml"), "v1");
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(pollingAtFirst);
        Assert.True(watcher.TakeChange());
        Assert.True(watcher.UsesEvents);
    }

    [Fact]
    public async Task ForFolder_IgnoredFileThenArticle_OnlyTheArticleSignals()
    {
        var seen = new ConcurrentQueue<(string Path, bool Signalled)>();
        using var watcher = DebouncedFileWatcher.ForFolder(_root, TimeSpan.Zero, _time, relative => Path.GetFileName(relative).StartsWith('.'), (path, signalled) => seen.Enqueue((Path.GetFileName(path), signalled)));

        await File.WriteAllTextAsync(Path.Combine(_root, ".article.md.swp"), "x");
        await File.WriteAllTextAsync(Path.Combine(_root, "article.md"), "x");
        await Eventually.UntilAsync(() => seen.Any(e => e.Path == "article.md"), "the article's event");

        Assert.Contains((".article.md.swp", false), seen);
        Assert.Contains(("article.md", true), seen);
        Assert.DoesNotContain(seen, e => e.Path == ".article.md.swp" && e.Signalled);
        Assert.True(watcher.TakeChange());
    }

    [Fact]
    public void ForFolder_FolderCreatedLater_SignalsOnceItAppears()
    {
        var folder = Path.Combine(_root, "knowledge");
        using var watcher = DebouncedFileWatcher.ForFolder(folder, TimeSpan.Zero, _time);
        _time.Advance(TimeSpan.FromSeconds(1));
        var before = watcher.TakeChange();

        Directory.CreateDirectory(folder);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(before);
        Assert.True(watcher.TakeChange());
        Assert.True(watcher.UsesEvents);
    }

    [Fact]
    public async Task WaitUntilQuietAsync_PendingChange_ReturnsOnlyAfterAWholeQuietPeriod()
    {
        // The change comes from the poll (the folder appears), so no further file event can arrive during the wait.
        var folder = Path.Combine(_root, "knowledge");
        using var watcher = DebouncedFileWatcher.ForFolder(folder, TimeSpan.FromSeconds(2), _time);
        Directory.CreateDirectory(folder);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await WaitAsync(watcher), "no signal after the folder appeared");
        var quiet = watcher.WaitUntilQuietAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var earlyDone = quiet.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));
        await quiet.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(earlyDone);
        Assert.False(watcher.TakeChange());
    }

    [Fact]
    public async Task WaitForChangeAsync_Disposed_ReturnsFalse()
    {
        var watcher = DebouncedFileWatcher.ForFolder(_root, TimeSpan.Zero, _time);
        watcher.TakeChange();

        watcher.Dispose();

        Assert.False(await watcher.WaitForChangeAsync(CancellationToken.None));
    }

    private static async Task<bool> WaitAsync(DebouncedFileWatcher watcher)
    {
        using var limit = new CancellationTokenSource(Eventually.Limit);
        return await watcher.WaitForChangeAsync(limit.Token);
    }
}
