using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Knowledge.Tests.Hosting;

/// <summary>The whole path through a real host: file watcher, debounce, reload, health report.</summary>
public sealed class KnowledgeHotReloadTests : IAsyncLifetime
{
    private readonly KnowledgeFolder _folder = new();
    private IHost _host = null!;

    private KnowledgeBase Knowledge => _host.Services.GetRequiredService<KnowledgeBase>();

    public async Task InitializeAsync()
    {
        _folder.WriteShop();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new BotDataDirectory(_folder.DataDirectory));
        builder.Services.AddKnowledgeBase(options =>
        {
            options.Path = _folder.Path;
            options.ReloadDelay = TimeSpan.FromMilliseconds(50);
        });
        _host = builder.Build();
        await _host.StartAsync();
        await Knowledge.FirstLoad;
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _folder.Dispose();
    }

    private string Health() => JsonSerializer.Serialize(_host.Services.GetServices<IBotHealthContributor>().Single(c => c.Name == "knowledge").Report());

    [Fact]
    public async Task SavedNewArticle_IsAnsweredWithoutARestart()
    {
        _folder.Write("warranty/warranty.md", KnowledgeFolder.Article("warranty", "Warranty", "Every tent has a two-year warranty.", "is my tent under warranty", "warranty claim for a broken zip"));

        await Eventually.UntilAsync(
            async () => (await Knowledge.AskAsync("is my tent under warranty", KnowledgeFilter.None, CancellationToken.None)).Best?.Article.Id == "warranty",
            "the new article answers",
            () => $"version {Knowledge.Status.Version}: {string.Join("; ", Knowledge.Status.Problems)}");
        Assert.Equal(4, Knowledge.Status.Articles);
        Assert.Equal(EmbeddedKnowledgeStore.FileName, Path.GetFileName(Directory.GetFiles(_folder.DataDirectory, "*.db").Single()));
    }

    [Fact]
    public async Task InvalidSave_OldVersionKeepsAnsweringAndHealthShowsTheFileAndLine()
    {
        var before = Knowledge.Status.Version;
        _folder.Write("shipping.md", "---\nid: shipping\ntitle: Delivery times\nquestions: [unclosed\n---\nBroken.\n");

        await Eventually.UntilAsync(() => Knowledge.Status.Version > before, "a reload after the invalid save");
        var report = _host.Services.GetServices<IBotHealthContributor>().Single(c => c.Name == "knowledge").Report();

        Assert.True(report.Degraded);
        Assert.Contains("shipping.md:4: error: ", Health(), StringComparison.Ordinal);
        Assert.Contains("3-5 business days", Knowledge.FindArticle("shipping")!.Answer, StringComparison.Ordinal);
        Assert.Equal("shipping", (await Knowledge.AskAsync("how long does delivery take", KnowledgeFilter.None, CancellationToken.None)).Best?.Article.Id);
    }

    [Fact]
    public async Task BurstOfSaves_IsDebouncedIntoFewReloads()
    {
        var before = Knowledge.Status.Version;
        for (var i = 0; i < 20; i++)
        {
            _folder.Write("returns.md", KnowledgeFolder.Article("returns", "Returns", $"You can return items within {i + 10} days.", "how do I return something"));
        }

        await Eventually.UntilAsync(() => Knowledge.FindArticle("returns")?.Answer.Contains("29 days", StringComparison.Ordinal) == true, "the last save is served");
        Assert.InRange(Knowledge.Status.Version - before, 1, 5);
    }

    [Fact]
    public async Task EditorSwapFile_DoesNotReloadButTheSaveItPrecedesDoes()
    {
        var seen = new ConcurrentQueue<(string Path, bool ReloadRequested)>();
        Knowledge.FolderEventSeen += (path, reloadRequested) => seen.Enqueue((Path.GetRelativePath(_folder.Path, path), reloadRequested));
        var realSave = (string path) => path == "returns.md";

        _folder.Write(".returns.md.swp", "binary swap content");
        _folder.Write(".drafts/returns.md", KnowledgeFolder.Article("returns", "Returns", "Draft.", "how do I return something"));
        _folder.Write("returns.md", KnowledgeFolder.Article("returns", "Returns", "You can return items within 45 days.", "how do I return something"));

        // The watcher gets events in the order they happened, so once it has seen the real save it has seen (and
        // decided on) every event of the swap file and the draft before it: none of them may have asked for a reload.
        await Eventually.UntilAsync(() => seen.Any(e => realSave(e.Path)), "the watcher to see the real save", () => Describe(seen));
        var earlier = seen.TakeWhile(e => !realSave(e.Path)).ToList();
        Assert.Contains(earlier, e => e.Path == ".returns.md.swp");
        Assert.All(earlier, e => Assert.False(e.ReloadRequested, $"{e.Path} asked for a reload: {Describe(seen)}"));
        Assert.Contains(seen, e => realSave(e.Path) && e.ReloadRequested);
        await Eventually.UntilAsync(() => Knowledge.FindArticle("returns")?.Answer.Contains("45 days", StringComparison.Ordinal) == true, "the real save is served");
    }

    private static string Describe(IEnumerable<(string Path, bool ReloadRequested)> events) =>
        string.Join(", ", events.Select(e => $"{e.Path} ({(e.ReloadRequested ? "reload" : "ignored")})"));
}
