using System.Globalization;
using Microsoft.Extensions.AI;
using Omnichannel.Bots.Knowledge;

namespace Benchmarks;

/// <summary>Turns labelled examples into knowledge articles, indexes them in an in-memory embedded store and builds a searcher.</summary>
public static class KnowledgeCorpus
{
    /// <summary>One article per label: title = the label in words, example questions = its examples (file order).</summary>
    public static List<KnowledgeArticle> ArticlesFromExamples(IReadOnlyList<LabelledQuery> examples) =>
        examples.GroupBy(e => e.Label).Select(g => new KnowledgeArticle
        {
            Id = g.Key,
            Title = Humanize(g.Key),
            Locale = "en",
            Questions = g.Select(e => e.Text).ToList(),
            Answer = Humanize(g.Key),
            Source = new KnowledgeSource(g.Key + ".md", 1),
        }).ToList();

    public static string Humanize(string label) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label.Replace('_', ' ').Replace('-', ' '));

    public static async Task<(KnowledgeSearcher Searcher, EmbeddedKnowledgeStore Store, TimeSpan IndexTime, TimeSpan BuildTime)> BuildAsync(
        IReadOnlyList<KnowledgeArticle> articles, IEmbeddingGenerator<string, Embedding<float>> embedder, KnowledgeSearchOptions options)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var store = EmbeddedKnowledgeStore.CreateInMemory();
        var chunks = articles.SelectMany(a => KnowledgeChunker.Chunk(a, "bench")).ToList();
        var vectors = await KnowledgeBaselines.EmbedAsync(embedder, chunks.Select(c => c.Text).ToList());
        await store.ReplaceAllAsync(chunks.Select((c, i) => new KnowledgeRecord(c, vectors[i])).ToList(), CancellationToken.None);
        var indexTime = watch.Elapsed;
        watch.Restart();
        var searcher = await KnowledgeSearcher.BuildAsync(articles, store, embedder, options, CancellationToken.None);
        return (searcher, store, indexTime, watch.Elapsed);
    }

    public static Func<string, IReadOnlyList<string>> Ranker(KnowledgeSearcher searcher) =>
        query => searcher.AskAsync(query, KnowledgeFilter.None, CancellationToken.None).GetAwaiter().GetResult().Matches.Select(m => m.Article.Id).ToList();
}
