using System.Diagnostics;
using Microsoft.Extensions.AI;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// What <c>kb index</c>, <c>kb search</c> and <c>kb eval</c> share: read and validate the folder, bring the embedded
/// index in the data folder up to date (embedding only chunks whose content hash changed), build the searcher.
/// The data folder defaults to <c>DIR/../.omnibot/&lt;folder name&gt;</c>: outside the knowledge folder, so the bot's
/// file watcher never sees it, and one per knowledge folder.
/// </summary>
internal sealed class KbSession : IDisposable
{
    private KbSession(KnowledgeFolderSnapshot snapshot, EmbeddedKnowledgeStore store, StaticWordEmbeddingGenerator embedder, KbIndexReport report)
    {
        Snapshot = snapshot;
        Store = store;
        Embedder = embedder;
        Report = report;
    }

    public KnowledgeFolderSnapshot Snapshot { get; }

    public EmbeddedKnowledgeStore Store { get; }

    public StaticWordEmbeddingGenerator Embedder { get; }

    public KbIndexReport Report { get; }

    public static string DefaultDataDirectory(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{folder}' has no parent folder; give --data DIR.");
        return Path.Combine(parent, ".omnibot", Path.GetFileName(full));
    }

    /// <summary>
    /// Reads the folder; on errors prints every diagnostic to <paramref name="stderr"/> and returns null (exit 1).
    /// Warnings are printed and do not stop.
    /// </summary>
    public static async Task<KbSession?> OpenAsync(string folder, string? dataDirectory, TextWriter stderr, CancellationToken cancellationToken)
    {
        var snapshot = await new KnowledgeFolderReader().ReadAsync(folder, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in snapshot.Diagnostics)
        {
            await stderr.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        if (snapshot.HasErrors)
        {
            await stderr.WriteLineAsync($"omnibot: {snapshot.ErrorCount} error(s) in '{folder}'; nothing indexed.").ConfigureAwait(false);
            return null;
        }

        var data = dataDirectory ?? DefaultDataDirectory(folder);
        var full = Path.GetFullPath(folder);
        var dataFull = Path.GetFullPath(data);
        if (dataFull.StartsWith(Path.TrimEndingDirectorySeparator(full) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || dataFull == full)
        {
            throw new ArgumentException($"--data '{data}' is inside the knowledge folder; the index must live outside it.");
        }

        var embedder = new StaticWordEmbeddingGenerator();
        EmbeddedKnowledgeStore? store = null;
        try
        {
            store = await EmbeddedKnowledgeStore.OpenAsync(data, cancellationToken).ConfigureAwait(false);
            var report = await SyncAsync(snapshot.Articles, store, embedder, cancellationToken).ConfigureAwait(false);
            var session = new KbSession(snapshot, store, embedder, report);
            store = null;
            return session;
        }
        finally
        {
            store?.Dispose();
        }
    }

    public Task<KnowledgeSearcher> BuildSearcherAsync(CancellationToken cancellationToken) =>
        KnowledgeSearcher.BuildAsync(Snapshot.Articles, Store, Embedder, KnowledgeSearchOptions.Default, cancellationToken);

    public void Dispose()
    {
        Store.Dispose();
        Embedder.Dispose();
    }

    private static async Task<KbIndexReport> SyncAsync(IReadOnlyList<KnowledgeArticle> articles, EmbeddedKnowledgeStore store, StaticWordEmbeddingGenerator embedder, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var model = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "default";
        var chunks = articles.SelectMany(a => KnowledgeChunker.Chunk(a, model)).ToList();
        var existing = await store.GetContentHashesAsync(cancellationToken).ConfigureAwait(false);
        var changed = chunks.Where(c => !existing.TryGetValue(c.Id, out var hash) || hash != c.ContentHash).ToList();
        var ids = chunks.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var deleted = existing.Keys.Where(id => !ids.Contains(id)).ToList();
        var records = new List<KnowledgeRecord>(changed.Count);
        for (var start = 0; start < changed.Count; start += 256)
        {
            var batch = changed.Skip(start).Take(256).ToList();
            var embeddings = await embedder.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            records.AddRange(batch.Select((c, i) => new KnowledgeRecord(c, embeddings[i].Vector)));
        }

        if (records.Count > 0 || deleted.Count > 0)
        {
            await store.ApplyAsync(records, deleted, cancellationToken).ConfigureAwait(false);
        }

        return new KbIndexReport(articles.Count, chunks.Count, changed.Count, chunks.Count - changed.Count, deleted.Count, watch.Elapsed, store.DatabasePath ?? "(memory)");
    }
}
