using System.Text;

namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Converts the Markdown subset dialog authors write (<c>**bold**</c>, <c>__bold__</c>, <c>*italic*</c>,
/// <c>_italic_</c>, <c>~~strike~~</c>, <c>`code`</c>, <c>[text](url)</c>, <c>&lt;https://autolink&gt;</c>,
/// <c># heading</c> lines and <c>- </c>/<c>* </c> bullet lines) to the markup a channel shows. Parsing is per line and
/// tolerant: markers that do not pair up are shown as written.
/// </summary>
public static class MarkupConverter
{
    private const string Bullet = "• ";

    /// <summary>
    /// Converts <paramref name="markdown"/> for <paramref name="target"/>: <see cref="TextMarkup.Markdown"/> returns it
    /// unchanged; the others normalize line endings to <c>\n</c>.
    /// </summary>
    public static string Convert(string markdown, TextMarkup target) => Convert(markdown, target, startsMidLine: false);

    /// <summary>
    /// Converts as <see cref="Convert(string, TextMarkup)"/> does; with <paramref name="startsMidLine"/> the first line
    /// continues a line split elsewhere, so a leading "- " or "# " on it is text, not a bullet or heading.
    /// </summary>
    internal static string Convert(string markdown, TextMarkup target, bool startsMidLine)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!Enum.IsDefined(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown text markup.");
        }

        if (target == TextMarkup.Markdown)
        {
            return markdown;
        }

        var text = markdown.ReplaceLineEndings("\n");
        var output = new StringBuilder(text.Length + (text.Length / 8));
        foreach (var (start, end) in Lines(text))
        {
            if (start > 0)
            {
                output.Append('\n');
            }

            var line = startsMidLine && start == 0
                ? MarkdownLine.Text(start, end)
                : MarkdownLine.Parse(text, start, end);
            WriteLine(output, text, line, target);
        }

        return output.ToString();
    }

    /// <summary>
    /// Text that must be shown exactly as written (a choice title, a file name, a URL), escaped for the channel: HTML
    /// entities for Telegram, backslashes before Markdown's markers, nothing for plain text and WhatsApp.
    /// </summary>
    internal static string EscapeLiteral(string text, TextMarkup target)
    {
        switch (target)
        {
            case TextMarkup.TelegramHtml:
                var html = new StringBuilder(text.Length);
                InlineWriter.AppendText(html, text, target);
                return html.ToString();
            case TextMarkup.Markdown:
                var markdown = new StringBuilder(text.Length);
                foreach (var c in text)
                {
                    _ = c is '\\' or '`' or '*' or '_' or '~' or '[' or ']' or '<' ? markdown.Append('\\').Append(c) : markdown.Append(c);
                }

                return markdown.ToString();
            default:
                return text;
        }
    }

    /// <summary>
    /// Where the inline constructs of <paramref name="markdown"/> lie (start inclusive, end exclusive), so a splitter
    /// can avoid cutting through bold text or a link.
    /// </summary>
    internal static IReadOnlyList<(int Start, int End)> FindInlineSpans(string markdown)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var (start, end) in Lines(markdown))
        {
            var line = MarkdownLine.Parse(markdown, start, end);
            foreach (var node in InlineParser.Parse(markdown, line.ContentStart, line.ContentEnd))
            {
                if (node is not TextNode)
                {
                    spans.Add((node.Start, node.End));
                }
            }
        }

        return spans;
    }

    private static void WriteLine(StringBuilder output, string text, MarkdownLine line, TextMarkup target)
    {
        var nodes = InlineParser.Parse(text, line.ContentStart, line.ContentEnd);
        switch (line.Kind)
        {
            case MarkdownLineKind.Heading when nodes.Count > 0:
                InlineWriter.WriteStyled(output, nodes, target, InlineStyle.Bold, InlineStyle.None);
                break;
            case MarkdownLineKind.Bullet:
                output.Append(text, line.Start, line.Indent).Append(Bullet);
                InlineWriter.Write(output, nodes, target, InlineStyle.None);
                break;
            case MarkdownLineKind.Text:
                InlineWriter.Write(output, nodes, target, InlineStyle.None);
                break;
        }
    }

    private static IEnumerable<(int Start, int End)> Lines(string text)
    {
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield return (start, text.Length);
                yield break;
            }

            yield return (start, end);
            start = end + 1;
        }
    }
}
