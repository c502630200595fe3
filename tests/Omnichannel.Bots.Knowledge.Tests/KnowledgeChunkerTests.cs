using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.Tests;

public sealed class KnowledgeChunkerTests
{
    private static KnowledgeArticle Article(params KnowledgeSection[] sections) => new()
    {
        Id = "returns",
        Title = "Returns",
        Locale = "en",
        Answer = "x",
        Questions = ["How do I return something?", "  ", "Can I send it back?"],
        Sections = sections,
        Source = new KnowledgeSource("returns.md", 1),
    };

    [Fact]
    public void Chunk_SectionsAndQuestions_OnePassagePerSectionAndOneChunkPerQuestion()
    {
        var chunks = KnowledgeChunker.Chunk(
            Article(new KnowledgeSection(null, "You have **30 days**. See [the form](https://example.com/f).", 8), new KnowledgeSection("Refund timing", "Refunds take 5 days.", 12)),
            "model-a");

        Assert.Equal(["returns#p-lead", "returns#p-refund-timing", "returns#q-1", "returns#q-3"], chunks.Select(c => c.Id));
        Assert.Equal("You have 30 days. See the form.", chunks[0].Text);
        Assert.Equal("Refund timing", chunks[1].Heading);
        Assert.Equal(KnowledgeChunkKind.Question, chunks[3].Kind);
        Assert.Equal("Can I send it back?", chunks[3].Text);
    }

    [Fact]
    public void Chunk_EmbeddingModelChanges_EveryHashChanges()
    {
        var article = Article(new KnowledgeSection(null, "Thirty days.", 8));
        var a = KnowledgeChunker.Chunk(article, "model-a");
        var b = KnowledgeChunker.Chunk(article, "model-b");
        var again = KnowledgeChunker.Chunk(article, "model-a");

        Assert.All(a.Zip(b), pair => Assert.NotEqual(pair.First.ContentHash, pair.Second.ContentHash));
        Assert.Equal(a.Select(c => c.ContentHash), again.Select(c => c.ContentHash));
    }

    [Fact]
    public void Chunk_RepeatedHeadings_GetDistinctIds()
    {
        var chunks = KnowledgeChunker.Chunk(Article(new KnowledgeSection("Steps", "One.", 3), new KnowledgeSection("Steps", "Two.", 6)), "m");
        Assert.Equal(2, chunks.Count(c => c.Kind == KnowledgeChunkKind.Passage));
        Assert.Equal(chunks.Count, chunks.Select(c => c.Id).Distinct().Count());
    }
}
