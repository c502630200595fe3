namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Splits reply text so that every part, as the channel shows it, fits the channel's limit. Markdown is split at the
/// source, never through an inline construct when another boundary fits, and each part is converted on its own, so a
/// cut never lands inside an HTML tag or entity. A part whose markup grew past the limit (Telegram's escaping) is split
/// again with a proportionally smaller budget.
/// </summary>
internal static class MarkupSplitter
{
    private const int MaxEntityLength = 10;

    /// <summary>Converted parts of <paramref name="markdown"/>, each at most <paramref name="maxLength"/> long.</summary>
    public static List<string> SplitMarkdown(string markdown, int maxLength, TextMarkup markup)
    {
        var blocked = BlockedInside(MarkupConverter.FindInlineSpans(markdown), markdown.Length);
        var parts = new List<string>();
        var position = 0;
        while (position < markdown.Length)
        {
            var (part, next) = NextPart(markdown, position, maxLength, markup, blocked);
            if (part.Length > 0)
            {
                parts.Add(part);
            }

            position = next;
        }

        return parts;
    }

    /// <summary>Parts of text already in the channel's markup (escaped literals), never cut inside an HTML entity.</summary>
    public static IReadOnlyList<string> SplitLiteral(string text, int maxLength, TextMarkup markup) =>
        TextSplitter.Split(text, maxLength, markup == TextMarkup.TelegramHtml ? BlockedInsideEntities(text) : null);

    /// <summary>
    /// The next converted part and where the one after it starts. When the markup grew past the limit, the source
    /// budget of this part shrinks by the observed growth until it fits; the following parts start with the full budget.
    /// </summary>
    private static (string Part, int Next) NextPart(string markdown, int position, int maxLength, TextMarkup markup, Func<int, bool>? blocked)
    {
        var budget = maxLength;
        while (true)
        {
            var (start, end, next) = TextSplitter.NextPart(markdown, position, budget, blocked);
            var part = MarkupConverter.Convert(markdown[start..end], markup, StartsMidLine(markdown, start)).Trim();
            var length = end - start;
            if (part.Length <= maxLength || length <= TextSplitter.MinLength)
            {
                return (part, next);
            }

            budget = Math.Clamp((int)((long)length * maxLength / part.Length), TextSplitter.MinLength, length - 1);
        }
    }

    /// <summary>True when a part starting at <paramref name="start"/> continues a line the previous part began.</summary>
    private static bool StartsMidLine(string markdown, int start)
    {
        var k = start - 1;
        while (k >= 0 && markdown[k] is ' ' or '\t')
        {
            k--;
        }

        return k >= 0 && markdown[k] != '\n';
    }

    private static Func<int, bool>? BlockedInside(IReadOnlyList<(int Start, int End)> spans, int length)
    {
        if (spans.Count == 0)
        {
            return null;
        }

        var blocked = new bool[length + 1];
        foreach (var (start, end) in spans)
        {
            Array.Fill(blocked, true, start + 1, Math.Max(0, end - start - 1));
        }

        return index => blocked[index];
    }

    private static Func<int, bool>? BlockedInsideEntities(string text)
    {
        var spans = new List<(int Start, int End)>();
        for (var i = text.IndexOf('&'); i >= 0; i = text.IndexOf('&', i + 1))
        {
            var end = i + 1;
            while (end < text.Length && end - i <= MaxEntityLength && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '#'))
            {
                end++;
            }

            if (end < text.Length && text[end] == ';')
            {
                spans.Add((i, end + 1));
            }
        }

        return BlockedInside(spans, text.Length);
    }
}
