namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Decides which articles are served after a reload: every file without errors as it is now; a file with errors as
/// its last good version (or not at all if it never had one); and of two articles with the same id, the one already
/// served (else the first by path), so a copy-pasted file never replaces a live article.
/// </summary>
internal static class LastGoodMerge
{
    public static MergedKnowledge Merge(IReadOnlyList<KnowledgeFile> files, IReadOnlyDictionary<string, IReadOnlyList<KnowledgeArticle>> previousByFile)
    {
        var byFile = new SortedDictionary<string, IReadOnlyList<KnowledgeArticle>>(StringComparer.Ordinal);
        var fromLastGood = new List<string>();
        var notes = new List<string>();
        foreach (var file in files)
        {
            if (!file.HasErrors)
            {
                byFile[file.Path] = file.Articles;
            }
            else if (previousByFile.TryGetValue(file.Path, out var previous) && previous.Count > 0)
            {
                byFile[file.Path] = previous;
                fromLastGood.Add(file.Path);
                notes.Add($"{file.Path}: has errors; its last good version ({previous.Count} article{(previous.Count == 1 ? "" : "s")}) is still served");
            }
            else
            {
                notes.Add($"{file.Path}: has errors and no good version yet; not served");
            }
        }

        var servedBefore = previousByFile.SelectMany(p => p.Value.Select(a => (a.Id, File: p.Key))).ToHashSet();
        var winners = byFile
            .SelectMany(p => p.Value.Select(a => (File: p.Key, Article: a)))
            .GroupBy(x => x.Article.Id, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(x => servedBefore.Contains((x.Article.Id, x.File))).ThenBy(x => x.File, StringComparer.Ordinal).First().File,
                StringComparer.Ordinal);
        var served = new Dictionary<string, IReadOnlyList<KnowledgeArticle>>(StringComparer.Ordinal);
        foreach (var (path, articles) in byFile)
        {
            var kept = new List<KnowledgeArticle>(articles.Count);
            foreach (var article in articles)
            {
                if (string.Equals(winners[article.Id], path, StringComparison.Ordinal))
                {
                    kept.Add(article);
                }
                else
                {
                    notes.Add($"{path}: article '{article.Id}' is not served: {winners[article.Id]} already has that id");
                }
            }

            served[path] = kept;
        }

        return new MergedKnowledge(served, fromLastGood, notes);
    }
}
