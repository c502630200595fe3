namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The checks that need the whole set of articles: duplicate ids (each place names the others), unknown
/// <c>related</c> ids, and internal links to missing files (error) or missing headings (warning). Run by the folder
/// reader, and by the runtime again on a merged "last good" set.
/// </summary>
public static class KnowledgeSetValidator
{
    /// <param name="articles">Every article of the set.</param>
    /// <param name="existingFiles">Every file in the knowledge folder, relative with '/' separators (link targets).</param>
    public static IReadOnlyList<KnowledgeDiagnostic> Validate(IReadOnlyList<KnowledgeArticle> articles, IReadOnlySet<string> existingFiles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(existingFiles);
        var diagnostics = new List<KnowledgeDiagnostic>();
        var ordered = articles.OrderBy(a => a.Source.File, StringComparer.Ordinal).ThenBy(a => a.Source.Line).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in ordered.GroupBy(a => a.Id, StringComparer.Ordinal))
        {
            ids.Add(group.Key);
            var places = group.ToList();
            if (places.Count < 2)
            {
                continue;
            }

            foreach (var article in places)
            {
                var others = string.Join(", ", places.Where(p => !ReferenceEquals(p, article)).Select(p => p.Source.ToString()));
                diagnostics.Add(Error(article.Source, $"duplicate id '{article.Id}': also used by {others}"));
            }
        }

        var filesWithArticles = ordered.GroupBy(a => a.Source.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Anchors(g), StringComparer.Ordinal);
        foreach (var article in ordered)
        {
            for (var i = 0; i < article.Related.Count; i++)
            {
                var related = article.Related[i];
                var source = article.Source with { Line = i < article.RelatedLines.Count ? article.RelatedLines[i] : article.Source.Line };
                if (string.Equals(related, article.Id, StringComparison.Ordinal))
                {
                    diagnostics.Add(Warning(source, $"the article lists itself as related ('{related}')"));
                }
                else if (!ids.Contains(related))
                {
                    var suggestion = TextTools.DidYouMean(related, ids.Where(i => !string.Equals(i, article.Id, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
                    diagnostics.Add(Error(source, $"related id '{TextTools.Clip(related)}' does not exist{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}"));
                }
            }

            foreach (var link in article.Links)
            {
                var source = article.Source with { Line = link.Line };
                if (!existingFiles.Contains(link.TargetFile))
                {
                    var suggestion = existingFiles.FirstOrDefault(f => string.Equals(f, link.TargetFile, StringComparison.OrdinalIgnoreCase))
                        ?? TextTools.DidYouMean(link.TargetFile, existingFiles.Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && f != article.Source.File).Order(StringComparer.Ordinal));
                    diagnostics.Add(Error(source, $"broken link '{TextTools.Clip(link.Href)}': there is no file '{link.TargetFile}'{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}"));
                }
                else if (link.Fragment is { } fragment && filesWithArticles.TryGetValue(link.TargetFile, out var anchors) && !anchors.Contains(fragment.ToLowerInvariant()))
                {
                    diagnostics.Add(Warning(source, $"link '{TextTools.Clip(link.Href)}': '{link.TargetFile}' has no heading '#{fragment}'{(anchors.Count == 0 ? string.Empty : $" (headings: {string.Join(", ", anchors.Order(StringComparer.Ordinal).Select(a => "#" + a))})")}"));
                }
            }
        }

        return diagnostics;
    }

    private static HashSet<string> Anchors(IEnumerable<KnowledgeArticle> articles)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var headings = article.Sections.Where(s => s.Heading is not null).Select(s => s.Heading!);
            if (article.ShortAnswer is not null)
            {
                headings = headings.Append(MarkdownBody.ShortHeading);
            }

            foreach (var heading in headings)
            {
                var anchor = TextTools.Anchor(heading);
                var n = counts.GetValueOrDefault(anchor);
                counts[anchor] = n + 1;
                anchors.Add(n == 0 ? anchor : $"{anchor}-{n}");
            }
        }

        return anchors;
    }

    private static KnowledgeDiagnostic Error(KnowledgeSource source, string message) => new(source, KnowledgeDiagnosticSeverity.Error, message);

    private static KnowledgeDiagnostic Warning(KnowledgeSource source, string message) => new(source, KnowledgeDiagnosticSeverity.Warning, message);
}
