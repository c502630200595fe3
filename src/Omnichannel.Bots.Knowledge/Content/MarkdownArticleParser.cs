using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Knowledge;

/// <summary>A <c>*.md</c> article: YAML front matter between <c>---</c> lines, then the Markdown answer.</summary>
internal static class MarkdownArticleParser
{
    public static IReadOnlyList<KnowledgeArticle> Parse(string text, DiagnosticBag bag)
    {
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = (firstEnd < 0 ? text : text[..firstEnd]).TrimEnd();
        if (firstLine != "---")
        {
            bag.Error(1, "missing front matter: the file must start with a '---' line, then 'id:' and 'title:' lines, then '---'");
            return [];
        }

        // Find the closing delimiter line ('---' or '...').
        var line = 1;
        var position = firstEnd + 1;
        var closeLine = 0;
        var closeEnd = -1;
        while (position <= text.Length && firstEnd >= 0)
        {
            line++;
            var end = text.IndexOf('\n', position);
            var content = (end < 0 ? text[position..] : text[position..end]).TrimEnd();
            if (content is "---" or "...")
            {
                closeLine = line;
                closeEnd = end < 0 ? text.Length : end + 1;
                break;
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
        }

        if (closeLine == 0)
        {
            bag.Error(1, "the front matter is not closed: add a '---' line after its last key");
            return [];
        }

        var frontMatter = text[(firstEnd + 1)..FrontMatterEnd(text, closeEnd)];
        var draft = new ArticleDraft { Line = 1, Where = "to the front matter", AnswerLine = closeLine };
        var root = KnowledgeYaml.Load(frontMatter, lineOffset: 1, lastLine: Math.Max(2, closeLine - 1), bag, out var failed);
        if (failed)
        {
            return [];
        }

        switch (root)
        {
            case null:
                break;
            case YamlMappingNode mapping:
                ArticleFieldReader.Read(mapping, ArticleFieldReader.FrontMatterKeys, draft, bag);
                break;
            default:
                bag.Error(root.Line(), $"the front matter must be 'key: value' lines (id:, title:, ...), not {root.Kind()}");
                return [];
        }

        var body = text[closeEnd..];
        draft.Body = MarkdownBody.Parse(body, closeLine + 1, bag);
        if (body.Trim().Length > 0)
        {
            draft.AnswerLine = closeLine + 1 + (TextTools.LineOf(body, body.Length - body.TrimStart().Length) - 1);
        }

        return ArticleBuilder.Build(draft, bag) is { } article ? [article] : [];
    }

    /// <summary>The index where the front matter text ends: the start of the closing delimiter line.</summary>
    private static int FrontMatterEnd(string text, int closeEnd)
    {
        var withoutNewline = closeEnd > 0 && text[closeEnd - 1] == '\n' ? closeEnd - 1 : closeEnd;
        var start = text.LastIndexOf('\n', Math.Max(0, withoutNewline - 1));
        return start + 1;
    }
}
