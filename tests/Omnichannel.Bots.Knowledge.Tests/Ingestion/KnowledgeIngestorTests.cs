using Omnichannel.Bots.Knowledge.Tests.Fakes;

namespace Omnichannel.Bots.Knowledge.Tests.Ingestion;

public sealed class KnowledgeIngestorTests
{
    private static KnowledgeArticle Article(string id, string body, params string[] questions) => new()
    {
        Id = id,
        Title = id,
        Locale = "en",
        Answer = body,
        Questions = questions,
        Sections = [new KnowledgeSection(null, body, 5)],
        Source = new KnowledgeSource($"{id}.md", 1),
    };

    [Fact]
    public async Task IngestAsync_SecondRunWithOneChangedArticle_EmbedsOnlyItsChangedChunks()
    {
        var store = new RecordingKnowledgeStore();
        var embedder = new CountingEmbeddingGenerator();
        var ingestor = new KnowledgeIngestor(store, embedder);
        var first = await ingestor.IngestAsync([Article("a", "Alpha text.", "what is alpha"), Article("b", "Beta text.", "what is beta")], CancellationToken.None);
        embedder.Embedded.Clear();

        var second = await ingestor.IngestAsync([Article("a", "Alpha text, edited.", "what is alpha"), Article("b", "Beta text.", "what is beta")], CancellationToken.None);

        Assert.Equal((4, 4, 0, 0), (first.Chunks, first.Embedded, first.Unchanged, first.Deleted));
        Assert.Equal((4, 1, 3, 0), (second.Chunks, second.Embedded, second.Unchanged, second.Deleted));
        Assert.Equal(["Alpha text, edited."], embedder.Embedded);
        Assert.Equal("Alpha text, edited.", store.Records["a#p-lead"].Chunk.Text);
    }

    [Fact]
    public async Task IngestAsync_ArticleRemovedAndQuestionDropped_DeletesTheirChunks()
    {
        var store = new RecordingKnowledgeStore();
        var ingestor = new KnowledgeIngestor(store, new CountingEmbeddingGenerator());
        await ingestor.IngestAsync([Article("a", "Alpha.", "q1", "q2"), Article("b", "Beta.")], CancellationToken.None);

        var result = await ingestor.IngestAsync([Article("a", "Alpha.", "q1")], CancellationToken.None);

        Assert.Equal(2, result.Deleted);
        Assert.Equal(["a#p-lead", "a#q-1"], store.Records.Keys.Order());
    }

    [Fact]
    public async Task IngestAsync_NothingChanged_DoesNotWriteOrEmbed()
    {
        var store = new RecordingKnowledgeStore();
        var embedder = new CountingEmbeddingGenerator();
        var ingestor = new KnowledgeIngestor(store, embedder);
        await ingestor.IngestAsync([Article("a", "Alpha.")], CancellationToken.None);
        embedder.Embedded.Clear();

        var result = await ingestor.IngestAsync([Article("a", "Alpha.")], CancellationToken.None);

        Assert.Equal(0, result.Embedded);
        Assert.Empty(embedder.Embedded);
        Assert.Equal(1, store.ApplyCalls);
    }

    [Fact]
    public async Task IngestAsync_AnotherEmbeddingModel_ReembedsEverythingAndReplacesTheIndexAtomically()
    {
        var store = new RecordingKnowledgeStore();
        await new KnowledgeIngestor(store, new CountingEmbeddingGenerator("v1")).IngestAsync([Article("a", "Alpha.", "q")], CancellationToken.None);

        var result = await new KnowledgeIngestor(store, new CountingEmbeddingGenerator("v2")).IngestAsync([Article("a", "Alpha.", "q")], CancellationToken.None);

        Assert.Equal(2, result.Embedded);
        Assert.Equal((1, 1), (store.ApplyCalls, store.ReplaceCalls));
        Assert.Equal(2, store.Records.Count);
    }

    [Fact]
    public async Task IngestAsync_DuplicateArticleIds_ThrowsNamingTheChunk()
    {
        var ingestor = new KnowledgeIngestor(new RecordingKnowledgeStore(), new CountingEmbeddingGenerator());
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ingestor.IngestAsync([Article("a", "One."), Article("a", "Two.")], CancellationToken.None));
        Assert.Contains("'a#p-lead'", error.Message, StringComparison.Ordinal);
    }
}
