using System.Buffers;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// An article's Markdown answer taken apart with Markdig: the answer without the <c>## Short</c> section, the short
/// answer, the sections by heading, and the internal links, each with its line in the file.
/// </summary>
internal sealed class MarkdownBody
{
    public const int MaxShortLength = 320;
    public const string ShortHeading = "Short";

    /// <summary>Marks the answer <c>kb import-csv</c> writes when it has no answer text.</summary>
    public const string PlaceholderMarker = "placeholder written by kb import-csv";

    private static readonly SearchValues<char> MarkupOnly = SearchValues.Create(" \t\n*_-#>`~=|:[]()!<");
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public required string Answer { get; init; }

    public required bool AnswerIsEmpty { get; init; }

    public string? ShortAnswer { get; init; }

    public required IReadOnlyList<KnowledgeSection> Sections { get; init; }

    public required IReadOnlyList<KnowledgeLink> Links { get; init; }

    /// <summary>
    /// Parses <paramref name="markdown"/> whose first line is line <paramref name="firstLine"/> of the file
    /// <paramref name="bag"/> reports on. <paramref name="allowFragments"/> is false for FAQ files (no headings to link to).
    /// </summary>
    public static MarkdownBody Parse(string markdown, int firstLine, DiagnosticBag bag, bool allowFragments = true)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var headings = document.OfType<HeadingBlock>().ToList();

        // The ## Short section runs to the next heading of level 1 or 2.
        int shortStart = -1, shortEnd = -1, shortContentStart = -1, shortLine = 0;
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            if (heading.Level != 2 || !string.Equals(HeadingText(heading), ShortHeading, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (shortStart >= 0)
            {
                bag.Error(firstLine + TextTools.LineOf(markdown, heading.Span.Start) - 1, $"second '## Short' section (the first is on line {shortLine}): keep one");
                continue;
            }

            shortStart = heading.Span.Start;
            shortContentStart = EndOfLine(markdown, heading.Span.End);
            shortLine = firstLine + TextTools.LineOf(markdown, heading.Span.Start) - 1;
            var next = headings.Skip(i + 1).FirstOrDefault(h => h.Level <= 2);
            shortEnd = next?.Span.Start ?? markdown.Length;
        }

        string? shortAnswer = null;
        string answer;
        if (shortStart >= 0)
        {
            shortAnswer = markdown[shortContentStart..shortEnd].Trim();
            answer = (markdown[..shortStart] + markdown[shortEnd..]).Trim();
            // Plain text is never longer than its Markdown, so only a long section needs converting.
            var plainLength = shortAnswer.Length <= MaxShortLength ? (HasText(shortAnswer) ? 1 : 0) : KnowledgeChunker.ToPlainText(shortAnswer).Length;
            if (plainLength == 0)
            {
                bag.Warning(shortLine, "the '## Short' section is empty: write a short answer (at most 320 characters) or remove the heading");
                shortAnswer = null;
            }
            else if (plainLength > MaxShortLength)
            {
                bag.Error(shortLine, $"short answer is {plainLength} characters of plain text; at most {MaxShortLength} (it is sent on SMS and the messaging apps)");
            }
        }
        else
        {
            answer = markdown.Trim();
        }

        var answerIsEmpty = !HasText(answer);
        if (!answerIsEmpty && answer.Contains(PlaceholderMarker, StringComparison.Ordinal))
        {
            bag.Warning(firstLine + TextTools.LineOf(markdown, markdown.IndexOf(PlaceholderMarker, StringComparison.Ordinal)) - 1, "answer is a placeholder written by kb import-csv: write the real answer");
        }

        return new MarkdownBody
        {
            Answer = answer,
            AnswerIsEmpty = answerIsEmpty,
            ShortAnswer = shortAnswer,
            Sections = SplitSections(markdown, headings, shortStart, shortEnd, firstLine),
            Links = FindLinks(document, firstLine, bag, allowFragments),
        };
    }

    /// <summary>True when the Markdown has text a reader sees (fast path: a letter or digit and no HTML comment).</summary>
    private static bool HasText(string markdown)
    {
        if (!markdown.AsSpan().ContainsAnyExcept(MarkupOnly))
        {
            return false;
        }

        return !markdown.Contains("<!--", StringComparison.Ordinal) || KnowledgeChunker.ToPlainText(markdown).Length > 0;
    }

    /// <summary>The heading's text without markup.</summary>
    public static string HeadingText(HeadingBlock heading)
    {
        var builder = new StringBuilder();
        Append(heading.Inline, builder);
        return builder.ToString().Trim();
    }

    private static void Append(ContainerInline? container, StringBuilder builder)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline nested:
                    Append(nested, builder);
                    break;
            }
        }
    }

    private static List<KnowledgeSection> SplitSections(string markdown, List<HeadingBlock> headings, int shortStart, int shortEnd, int firstLine)
    {
        var sections = new List<KnowledgeSection>();
        var kept = headings.Where(h => shortStart < 0 || h.Span.Start < shortStart || h.Span.Start >= shortEnd).ToList();
        var leadEnd = headings.Count > 0 ? headings[0].Span.Start : markdown.Length;
        var lead = markdown[..leadEnd];
        if (lead.Trim().Length > 0)
        {
            var firstText = lead.Length - lead.TrimStart().Length;
            sections.Add(new KnowledgeSection(null, lead.Trim(), firstLine + TextTools.LineOf(markdown, firstText) - 1));
        }

        foreach (var heading in kept)
        {
            var contentStart = EndOfLine(markdown, heading.Span.End);
            var next = headings.FirstOrDefault(h => h.Span.Start > heading.Span.Start);
            var end = next?.Span.Start ?? markdown.Length;
            var text = contentStart < end ? markdown[contentStart..end].Trim() : string.Empty;
            sections.Add(new KnowledgeSection(HeadingText(heading), text, firstLine + TextTools.LineOf(markdown, heading.Span.Start) - 1));
        }

        return sections;
    }

    private static List<KnowledgeLink> FindLinks(MarkdownDocument document, int firstLine, DiagnosticBag bag, bool allowFragments)
    {
        var links = new List<KnowledgeLink>();
        var directory = bag.File.Contains('/', StringComparison.Ordinal) ? bag.File[..bag.File.LastIndexOf('/')] : string.Empty;
        foreach (var link in document.Descendants<LinkInline>())
        {
            var href = link.Url?.Trim();
            if (string.IsNullOrEmpty(href) || link.IsImage || IsExternal(href))
            {
                continue;
            }

            var line = firstLine + link.Line;
            var hash = href.IndexOf('#', StringComparison.Ordinal);
            var path = hash >= 0 ? href[..hash] : href;
            var fragment = hash >= 0 ? Uri.UnescapeDataString(href[(hash + 1)..]) : null;
            var query = path.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                path = path[..query];
            }

            if (path.Length == 0)
            {
                if (allowFragments && fragment is { Length: > 0 })
                {
                    links.Add(new KnowledgeLink(href, bag.File, fragment, line));
                }

                continue;
            }

            path = Uri.UnescapeDataString(path);
            if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var target = Resolve(directory, path);
            if (target is null)
            {
                bag.Error(line, $"link '{TextTools.Clip(href)}' points outside the knowledge folder");
                continue;
            }

            links.Add(new KnowledgeLink(href, target, fragment is { Length: > 0 } ? fragment : null, line));
        }

        return links;
    }

    private static bool IsExternal(string href)
    {
        if (href.StartsWith('/') || href.StartsWith('\\'))
        {
            return true;
        }

        var colon = href.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        for (var i = 0; i < colon; i++)
        {
            var c = href[i];
            if (!(char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '.' or '-'))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Joins a relative link to the directory of its file; null when it climbs above the folder.</summary>
    private static string? Resolve(string directory, string path)
    {
        var parts = new List<string>(directory.Length == 0 ? [] : directory.Split('/'));
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static int EndOfLine(string text, int index)
    {
        var newline = text.IndexOf('\n', Math.Min(index, text.Length));
        return newline < 0 ? text.Length : newline + 1;
    }
}
