using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

public sealed class EmbeddedKnowledgeStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "omnibot-store-" + Guid.NewGuid().ToString("N"));
    private readonly HashingEmbeddingGenerator _embedder = new();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task OpenAsync_AfterRestart_ServesTheSameIndexWithoutEmbedding()
    {
        var records = RetrievalFixtures.Records(RetrievalFixtures.Shop(), _embedder);
        using (var store = await EmbeddedKnowledgeStore.OpenAsync(_directory, CancellationToken.None))
        {
            await store.ReplaceAllAsync(records, CancellationToken.None);
        }

        var embeddedBefore = _embedder.EmbeddedTexts;
        using var reopened = await EmbeddedKnowledgeStore.OpenAsync(_directory, CancellationToken.None);
        var hashes = await reopened.GetContentHashesAsync(CancellationToken.None);
        var hits = await reopened.SearchAsync(Request("where is my package"), CancellationToken.None);

        Assert.Equal(records.Count, hashes.Count);
        Assert.All(records, r => Assert.Equal(r.Chunk.ContentHash, hashes[r.Chunk.Id]));
        Assert.Equal("track-order", hits[0].Chunk.ArticleId);
        var original = records.First(r => r.Chunk.Id == hits[0].Chunk.Id).Chunk;
        Assert.Equal(original with { Tags = hits[0].Chunk.Tags, Channels = hits[0].Chunk.Channels }, hits[0].Chunk);
        Assert.Equal(original.Tags, hits[0].Chunk.Tags);
        Assert.True(reopened.TryGetEmbedding(hits[0].Chunk.Id, out var vector));
        Assert.Equal(32, vector.Length);
        Assert.Equal(embeddedBefore, _embedder.EmbeddedTexts);
        Assert.True(File.Exists(Path.Combine(_directory, EmbeddedKnowledgeStore.FileName)));
    }

    [Fact]
    public async Task ApplyAsync_UpsertAndDelete_PersistedAndSearchable()
    {
        using (var store = await EmbeddedKnowledgeStore.OpenAsync(_directory, CancellationToken.None))
        {
            await store.ReplaceAllAsync(RetrievalFixtures.Records(RetrievalFixtures.Shop(), _embedder), CancellationToken.None);
            var hashes = await store.GetContentHashesAsync(CancellationToken.None);
            var gift = RetrievalFixtures.Article("gift-cards", "Gift cards", "Gift cards never expire.", ["do gift cards expire"]);
            var returnIds = hashes.Keys.Where(id => id.StartsWith("returns#", StringComparison.Ordinal)).ToList();
            await store.ApplyAsync(RetrievalFixtures.Records([gift], _embedder), returnIds, CancellationToken.None);
        }

        using var reopened = await EmbeddedKnowledgeStore.OpenAsync(_directory, CancellationToken.None);
        var all = await reopened.GetContentHashesAsync(CancellationToken.None);
        var hits = await reopened.SearchAsync(Request("do gift cards expire"), CancellationToken.None);

        Assert.DoesNotContain(all.Keys, id => id.StartsWith("returns#", StringComparison.Ordinal));
        Assert.Contains("gift-cards#q-1", all.Keys);
        Assert.Equal("gift-cards", hits[0].Chunk.ArticleId);
        Assert.NotNull(hits[0].DenseScore);
        Assert.True(hits[0].LexicalScore > 0);
    }

    [Fact]
    public async Task ApplyAsync_OtherEmbeddingDimensions_ThrowsAndChangesNothing()
    {
        using var store = await EmbeddedKnowledgeStore.OpenAsync(_directory, CancellationToken.None);
        await store.ReplaceAllAsync(RetrievalFixtures.Records(RetrievalFixtures.Shop(), _embedder), CancellationToken.None);
        var before = store.Count;
        var chunk = KnowledgeChunker.Chunk(RetrievalFixtures.Article("x", "X", "x text", []), "m")[0];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ApplyAsync([new KnowledgeRecord(chunk, new float[8])], [], CancellationToken.None));

        Assert.Contains("8-dimension", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, store.Count);
    }

    [Fact]
    public async Task ReplaceAllAsync_WhileSearching_EverySearchSeesOneWholeVersion()
    {
        using var store = EmbeddedKnowledgeStore.CreateInMemory();
        List<KnowledgeRecord> Version(string tag) => RetrievalFixtures.Records(
            RetrievalFixtures.Shop().Select(a => a with { Tags = [tag] }), _embedder);
        var versions = new[] { Version("v1"), Version("v2") };
        await store.ReplaceAllAsync(versions[0], CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var mixed = 0;
        var searches = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var hits = await store.SearchAsync(Request("refund card days") with { Top = 40 }, CancellationToken.None);
                if (hits.Select(h => h.Chunk.Tags[0]).Distinct().Count() != 1 || hits.Count != versions[0].Count)
                {
                    Interlocked.Increment(ref mixed);
                }

                Interlocked.Increment(ref searches);
            }
        })).ToList();

        // Keep swapping until the readers have searched a good while (not a time limit: a count of searches).
        for (var i = 1; i <= 40 || Volatile.Read(ref searches) < 300; i++)
        {
            await store.ReplaceAllAsync(versions[i % 2], CancellationToken.None);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(0, mixed);
        Assert.True(searches > 0);
    }

    [Theory]
    [InlineData("en", null, null, new[] { "a-en", "a-en-us", "a-webchat", "a-sms-tagged" })]
    [InlineData("en-US", null, null, new[] { "a-en", "a-en-us", "a-webchat", "a-sms-tagged" })]
    [InlineData("en-GB", null, null, new[] { "a-en", "a-webchat", "a-sms-tagged" })]
    [InlineData("de", null, null, new[] { "a-de" })]
    [InlineData(null, "billing", null, new[] { "a-sms-tagged" })]
    [InlineData(null, null, "webchat", new[] { "a-en", "a-en-us", "a-de", "a-webchat" })]
    [InlineData(null, null, "sms", new[] { "a-en", "a-en-us", "a-de", "a-sms-tagged" })]
    public async Task SearchAsync_Filter_LocaleParentChildTagsAllOfAndChannelOrUnlimited(string? locale, string? tag, string? channel, string[] expected)
    {
        using var store = await RetrievalFixtures.IndexAsync(
        [
            RetrievalFixtures.Article("a-en", "Card help", "card help text", []),
            RetrievalFixtures.Article("a-en-us", "Card help US", "card help text", [], locale: "en-US"),
            RetrievalFixtures.Article("a-de", "Kartenhilfe", "card help text", [], locale: "de"),
            RetrievalFixtures.Article("a-webchat", "Card help web", "card help text", [], channels: ["webchat"]),
            RetrievalFixtures.Article("a-sms-tagged", "Card help sms", "card help text", [], tags: ["billing", "cards"], channels: ["sms"]),
        ], _embedder);
        var filter = new KnowledgeFilter { Locale = locale, Tags = tag is null ? [] : [tag, .. tag == "billing" ? new[] { "cards" } : []], Channel = channel };

        var hits = await store.SearchAsync(Request("card help") with { Filter = filter, Top = 10 }, CancellationToken.None);

        Assert.Equal(expected.Order(StringComparer.Ordinal), hits.Select(h => h.Chunk.ArticleId).Distinct().Order(StringComparer.Ordinal));
    }

    private KnowledgeSearchRequest Request(string text) => new(text, _embedder.Embed(text), 5);
}
