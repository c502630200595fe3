using Microsoft.Extensions.Logging.Abstractions;

namespace Omnichannel.Bots.Knowledge.Tests.Hosting;

public sealed class KnowledgeBaseTests : IDisposable
{
    private readonly KnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private KnowledgeBase Create(KnowledgeStoreOpener? opener = null) => new(
        _folder.Path,
        new KnowledgeFolderReader(),
        opener ?? (_ => Task.FromResult<IKnowledgeStore>(EmbeddedKnowledgeStore.CreateInMemory())),
        new StaticWordEmbeddingGenerator(),
        KnowledgeSearchOptions.Default,
        TimeProvider.System,
        NullLogger<KnowledgeBase>.Instance);

    private static async Task<string?> BestAsync(KnowledgeBase knowledge, string question) =>
        (await knowledge.AskAsync(question, KnowledgeFilter.None, CancellationToken.None)).Best?.Article.Id;

    [Fact]
    public async Task ReloadAsync_EditedAnswer_ServesTheNewTextAsTheNextVersion()
    {
        _folder.WriteShop();
        using var knowledge = Create();
        var first = await knowledge.ReloadAsync(CancellationToken.None);

        _folder.Write("shipping.md", KnowledgeFolder.Article("shipping", "Delivery times", "Standard delivery now takes 2-4 business days.", "how long does delivery take", "when will my parcel arrive"));
        var second = await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal((1, 3), (first.Version, first.Articles));
        Assert.Equal(2, second.Version);
        Assert.Contains("2-4 business days", knowledge.FindArticle("shipping")!.Answer, StringComparison.Ordinal);
        Assert.Equal("shipping", await BestAsync(knowledge, "how long does delivery take"));
        Assert.Empty(second.Problems);
    }

    [Fact]
    public async Task ReloadAsync_InvalidSave_LastGoodVersionKeepsServingAndTheErrorIsVisible()
    {
        _folder.WriteShop();
        using var knowledge = Create();
        await knowledge.ReloadAsync(CancellationToken.None);

        _folder.Write("returns.md", "---\nid: returns\ntitle: [unclosed\n---\nYou can return items within 60 days.\n");
        var broken = await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(2, broken.Version);
        Assert.True(broken.HasErrors);
        Assert.Equal(["returns.md"], broken.ServedFromLastGood);
        Assert.Contains(broken.Problems, p => p.StartsWith("returns.md:3: error: ", StringComparison.Ordinal));
        Assert.Contains("30 days", knowledge.FindArticle("returns")!.Answer, StringComparison.Ordinal);
        Assert.Equal("returns", await BestAsync(knowledge, "how do I return something"));

        _folder.Write("returns.md", KnowledgeFolder.Article("returns", "Returns", "You can return items within 60 days.", "how do I return something"));
        var fixedStatus = await knowledge.ReloadAsync(CancellationToken.None);

        Assert.False(fixedStatus.HasErrors);
        Assert.Empty(fixedStatus.ServedFromLastGood);
        Assert.Contains("60 days", knowledge.FindArticle("returns")!.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadAsync_NewFileWithErrorsAndNoGoodVersion_IsNotServedAndSaysSo()
    {
        _folder.WriteShop();
        _folder.Write("warranty.md", "---\nid: warranty\n---\nTwo years.\n");
        using var knowledge = Create();

        var status = await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(3, status.Articles);
        Assert.Null(knowledge.FindArticle("warranty"));
        Assert.Contains(status.Problems, p => p.StartsWith("warranty.md:", StringComparison.Ordinal) && p.Contains("title", StringComparison.Ordinal));
        Assert.Contains("warranty.md: has errors and no good version yet; not served", status.Problems);
    }

    [Fact]
    public async Task ReloadAsync_CopiedFileReusesALiveId_TheLiveArticleKeepsServing()
    {
        _folder.WriteShop();
        using var knowledge = Create();
        await knowledge.ReloadAsync(CancellationToken.None);

        _folder.Write("aaa-copy.md", KnowledgeFolder.Article("returns", "Returns (draft)", "Draft text.", "draft question"));
        var status = await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal("Returns", knowledge.FindArticle("returns")!.Title);
        Assert.Contains(status.Problems, p => p.Contains("duplicate id 'returns'", StringComparison.Ordinal));
        Assert.True(status.HasErrors);
    }

    [Fact]
    public async Task ReloadAsync_DeletedFile_StopsServingItsArticle()
    {
        _folder.WriteShop();
        using var knowledge = Create();
        await knowledge.ReloadAsync(CancellationToken.None);

        _folder.Delete("password.md");
        var status = await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(2, status.Articles);
        Assert.Null(knowledge.FindArticle("password"));
        Assert.NotEqual("password", await BestAsync(knowledge, "I forgot my password"));
    }

    [Fact]
    public async Task ReloadAsync_StoreCannotOpen_ReportsTheErrorAskThrowsUnavailableAndALaterReloadRecovers()
    {
        _folder.WriteShop();
        var attempts = 0;
        using var knowledge = Create(_ => ++attempts == 1
            ? throw new IOException("disk full")
            : Task.FromResult<IKnowledgeStore>(EmbeddedKnowledgeStore.CreateInMemory()));

        var failed = await knowledge.ReloadAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => knowledge.AskAsync("shipping time", KnowledgeFilter.None, CancellationToken.None));
        var recovered = await knowledge.ReloadAsync(CancellationToken.None);

        Assert.Equal(0, failed.Version);
        Assert.Equal("IOException: disk full", failed.ReloadError);
        Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, recovered.Version);
        Assert.Null(recovered.ReloadError);
        Assert.Equal("shipping", await BestAsync(knowledge, "how long does delivery take"));
    }

    [Fact]
    public async Task ReloadAsync_MissingFolder_ServesNothingAndNamesTheFolder()
    {
        Directory.Delete(_folder.Path);
        using var knowledge = Create();

        var status = await knowledge.ReloadAsync(CancellationToken.None);
        var answer = await knowledge.AskAsync("anything", KnowledgeFilter.None, CancellationToken.None);

        Assert.Equal(0, status.Articles);
        Assert.True(status.HasErrors);
        Assert.Contains(status.Problems, p => p.Contains("knowledge", StringComparison.Ordinal) && p.Contains(": error: ", StringComparison.Ordinal));
        Assert.Null(answer.Best);
        Assert.Equal(KnowledgeDecision.Decline, answer.Decision);
    }

    [Fact]
    public async Task Dispose_Twice_DoesNotThrow()
    {
        _folder.WriteShop();
        var knowledge = Create();
        await knowledge.ReloadAsync(CancellationToken.None);

        knowledge.Dispose();
        var second = Record.Exception(knowledge.Dispose);

        Assert.Null(second);
    }
}
