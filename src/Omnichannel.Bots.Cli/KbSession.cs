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
        var result = await new KnowledgeIngestor(store, embedder).IngestAsync(articles, cancellationToken).ConfigureAwait(false);
        return new KbIndexReport(articles.Count, result.Chunks, result.Embedded, result.Unchanged, result.Deleted, result.Elapsed, store.DatabasePath ?? "(memory)");
    }
}
