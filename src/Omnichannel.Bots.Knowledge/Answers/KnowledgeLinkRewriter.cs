using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Makes an article's Markdown safe to send: a relative link to another article's <c>.md</c> file becomes a link to
/// that article's public <see cref="KnowledgeArticle.Url"/>, or its plain text when it has none; any other relative
/// link or image (which no customer could open) becomes its text. Absolute links are kept. Reference-style links are
/// written inline and their definitions dropped (the channel renderers read inline links only).
/// </summary>
internal static class KnowledgeLinkRewriter
{
    private const string MarkdownExtension = ".md";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static string Rewrite(string markdown, KnowledgeArticle from, Func<string, KnowledgeArticle?> findArticle)
    {
        if (!markdown.Contains(']', StringComparison.Ordinal))
        {
            return markdown;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsAutoLink || link.Span.IsEmpty)
            {
                continue;
            }

            var label = LabelOf(markdown, link);
            var url = link.Url ?? string.Empty;
            string replacement;
            if (IsAbsolute(url))
            {
                if (link.Reference is null)
                {
                    continue;
                }

                replacement = link.IsImage ? $"![{label}]({url})" : $"[{label}]({url})";
            }
            else
            {
                var target = link.IsImage ? null : PublicUrl(ResolveArticle(url, from, findArticle));
                replacement = target is null ? label : $"[{label}]({target})";
            }

            edits.Add((link.Span.Start, link.Span.End + 1, replacement));
        }

        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (!definition.Span.IsEmpty)
            {
                edits.Add((definition.Span.Start, definition.Span.End + 1, string.Empty));
            }
        }

        return edits.Count == 0 ? markdown : Apply(markdown, edits);
    }

    /// <summary>The article a relative link points at: its file resolved against the linking article's folder, by id (the file's name) and checked by path.</summary>
    internal static KnowledgeArticle? ResolveArticle(string url, KnowledgeArticle from, Func<string, KnowledgeArticle?> findArticle)
    {
        var path = url;
        var cut = path.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            path = path[..cut];
        }

        path = Uri.UnescapeDataString(path).Replace('\\', '/');
        if (!path.EndsWith(MarkdownExtension, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var resolved = Combine(from.Source.File, path);
        if (resolved is null)
        {
            return null;
        }

        var fileName = resolved[(resolved.LastIndexOf('/') + 1)..];
        var id = fileName[..^MarkdownExtension.Length].ToLowerInvariant();
        var article = id.Length == 0 ? null : findArticle(id);
        return article is not null && string.Equals(article.Source.File, resolved, StringComparison.OrdinalIgnoreCase) ? article : null;
    }

    /// <summary>The article's public link when it has a usable one (absolute http or https).</summary>
    internal static string? PublicUrl(KnowledgeArticle? article) =>
        article?.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            : null;

    private static bool IsAbsolute(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile && !url.StartsWith('/');

    /// <summary>"a/b.md" + "../c/d.md" = "c/d.md"; a path starting with '/' is from the knowledge folder's root; null when it climbs out of the folder.</summary>
    private static string? Combine(string fromFile, string relative)
    {
        var parts = new List<string>();
        if (!relative.StartsWith('/'))
        {
            var slash = fromFile.LastIndexOf('/');
            if (slash > 0)
            {
                parts.AddRange(fromFile[..slash].Split('/', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case ".":
                    break;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    /// <summary>The link's text as written (its Markdown kept), falling back to the parsed label.</summary>
    private static string LabelOf(string markdown, LinkInline link)
    {
        if (link.FirstChild is { } first && link.LastChild is { } last && !first.Span.IsEmpty && !last.Span.IsEmpty
            && first.Span.Start >= link.Span.Start && last.Span.End <= link.Span.End && last.Span.End >= first.Span.Start)
        {
            return markdown[first.Span.Start..(last.Span.End + 1)];
        }

        return link.Label ?? string.Empty;
    }

    private static string Apply(string markdown, List<(int Start, int End, string Text)> edits)
    {
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(markdown.Length);
        var position = 0;
        foreach (var (start, end, text) in edits)
        {
            if (start < position)
            {
                continue;
            }

            builder.Append(markdown, position, start - position).Append(text);
            position = end;
        }

        builder.Append(markdown, position, markdown.Length - position);
        return CollapseBlankLines(builder.ToString());
    }

    /// <summary>Removed definitions leave blank lines; keep at most one blank line in a row and none at the end.</summary>
    private static string CollapseBlankLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0 && (kept.Count == 0 || kept[^1].Trim().Length == 0))
            {
                continue;
            }

            kept.Add(line);
        }

        while (kept.Count > 0 && kept[^1].Trim().Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join('\n', kept);
    }
}
