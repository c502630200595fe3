namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Parses the inline Markdown subset of one line: emphasis (<c>**</c>, <c>__</c>, <c>*</c>, <c>_</c>, <c>~~</c>), code
/// spans, links, autolinks, backslash escapes, and bare URLs (kept literal so their underscores are not emphasis).
/// Tolerant: whatever does not form a construct stays literal text. Emphasis markers count only when flanking: an
/// opener is followed by a non-space, a closer preceded by one, and <c>_</c> never opens or closes inside a word.
/// </summary>
internal sealed class InlineParser
{
    private const int MaxNesting = 16;
    private const int MaxNestedSearch = 3;
    private const int MaxLinkTextLength = 1000;
    private const int MaxEmphasisRun = 3;

    private readonly string _text;

    // A failed search for a closing run, from an index up to an end, fails from any later index too. Remembering
    // the earliest failure keeps lines full of unmatched markers linear instead of quadratic.
    private readonly Dictionary<(char Marker, int Length, int End), int> _noCloserFrom = [];
    private readonly Dictionary<(int Length, int End), int> _noCodeCloserFrom = [];

    // Closer searches pass over the same brackets again; each is matched once.
    private readonly Dictionary<(int Bracket, int End), (int TextEnd, string Url, int End)?> _links = [];

    private InlineParser(string text) => _text = text;

    /// <summary>Parses <c>text[start..end]</c>; node positions are indexes into <paramref name="text"/>.</summary>
    public static IReadOnlyList<InlineNode> Parse(string text, int start, int end) =>
        new InlineParser(text).ParseRange(start, end, depth: 0, inLink: false);

    private List<InlineNode> ParseRange(int from, int to, int depth, bool inLink)
    {
        var nodes = new List<InlineNode>();
        var textStart = from;
        var i = from;
        while (i < to)
        {
            var node = TryParseAt(i, to, depth, inLink);
            if (node is null)
            {
                i++;
                continue;
            }

            AddText(nodes, textStart, i);
            nodes.Add(node);
            i = node.End;
            textStart = i;
        }

        AddText(nodes, textStart, to);
        return nodes;
    }

    private InlineNode? TryParseAt(int i, int to, int depth, bool inLink) => _text[i] switch
    {
        '\\' => TryEscape(i, to),
        '`' => ParseCode(i, to),
        '[' when !inLink => TryLink(i, i, to, depth),
        '!' when !inLink && i + 1 < to && _text[i + 1] == '[' => TryLink(i, i + 1, to, depth),
        '<' => TryAutolink(i, to),
        '*' or '_' or '~' => ParseEmphasis(i, to, depth, inLink),
        'h' or 'H' => TryBareUrl(i, to),
        _ => null,
    };

    private TextNode? TryEscape(int i, int to) =>
        i + 1 < to && IsAsciiPunctuation(_text[i + 1]) ? new TextNode(i, i + 2, _text[(i + 1)..(i + 2)]) : null;

    private InlineNode ParseCode(int i, int to)
    {
        var (contentStart, contentEnd, end) = MatchCode(i, to);
        return contentEnd < 0
            ? new TextNode(i, end, _text[i..end])
            : new CodeNode(i, end, TrimCodeContent(_text[contentStart..contentEnd]));
    }

    /// <summary>A code span's content and end; for a backtick run without a closing run, ContentEnd is -1.</summary>
    private (int ContentStart, int ContentEnd, int End) MatchCode(int i, int to)
    {
        var length = RunLength(i, to);
        var contentStart = i + length;
        if (_noCodeCloserFrom.TryGetValue((length, to), out var failedFrom) && contentStart >= failedFrom)
        {
            return (contentStart, -1, contentStart);
        }

        for (var k = contentStart; k < to;)
        {
            if (_text[k] != '`')
            {
                k++;
                continue;
            }

            var run = RunLength(k, to);
            if (run == length)
            {
                return (contentStart, k, k + run);
            }

            k += run;
        }

        _noCodeCloserFrom[(length, to)] = contentStart;
        return (contentStart, -1, contentStart);
    }

    private LinkNode? TryLink(int start, int bracket, int to, int depth)
    {
        if (MatchLink(bracket, to) is not var (textEnd, url, end))
        {
            return null;
        }

        return new LinkNode(start, end, ParseRange(bracket + 1, textEnd, depth + 1, inLink: true), url);
    }

    /// <summary>Where the link text ends, its destination, and where the link ends; null when it is no link.</summary>
    private (int TextEnd, string Url, int End)? MatchLink(int bracket, int to)
    {
        if (!_links.TryGetValue((bracket, to), out var link))
        {
            link = MatchLinkUncached(bracket, to);
            _links[(bracket, to)] = link;
        }

        return link;
    }

    private (int TextEnd, string Url, int End)? MatchLinkUncached(int bracket, int to)
    {
        var close = MatchBracket(bracket, to);
        if (close < 0 || close + 1 >= to || _text[close + 1] != '(')
        {
            return null;
        }

        var (url, afterUrl) = MatchDestination(close + 2, to);
        var end = SkipTitle(afterUrl, to);
        return !string.IsNullOrEmpty(url) && end < to && _text[end] == ')' ? (close, url, end + 1) : null;
    }

    private int MatchBracket(int bracket, int to)
    {
        var depth = 0;
        var limit = Math.Min(to, bracket + MaxLinkTextLength);
        for (var k = bracket; k < limit; k++)
        {
            switch (_text[k])
            {
                case '\\':
                    k++;
                    break;
                case '`':
                    k = MatchCode(k, to).End - 1;
                    break;
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    if (depth == 0)
                    {
                        return k;
                    }

                    break;
            }
        }

        return -1;
    }

    private (string? Url, int End) MatchDestination(int start, int to)
    {
        var p = SkipBlanks(start, to);
        if (p < to && _text[p] == '<')
        {
            var close = _text.IndexOf('>', p + 1, to - p - 1);
            return close < 0 ? (null, p) : (_text[(p + 1)..close], close + 1);
        }

        var urlStart = p;
        var parens = 0;
        for (; p < to && !char.IsWhiteSpace(_text[p]); p++)
        {
            if (_text[p] == '(')
            {
                parens++;
            }
            else if (_text[p] == ')' && parens-- == 0)
            {
                break;
            }
        }

        return (_text[urlStart..p], p);
    }

    /// <summary>Skips an optional link title ("title" or 'title') and the blanks around it.</summary>
    private int SkipTitle(int start, int to)
    {
        var p = SkipBlanks(start, to);
        if (p < to && _text[p] is '"' or '\'')
        {
            var close = _text.IndexOf(_text[p], p + 1, to - p - 1);
            return close < 0 ? p : SkipBlanks(close + 1, to);
        }

        return p;
    }

    private AutolinkNode? TryAutolink(int i, int to)
    {
        var end = UrlSyntax.MatchAutolink(_text, i, to);
        return end < 0 ? null : new AutolinkNode(i, end, _text[(i + 1)..(end - 1)]);
    }

    private TextNode? TryBareUrl(int i, int to)
    {
        var end = UrlSyntax.MatchBareUrl(_text, i, to);
        return end < 0 ? null : new TextNode(i, end, _text[i..end]);
    }

    private InlineNode ParseEmphasis(int i, int to, int depth, bool inLink)
    {
        var marker = _text[i];
        var length = RunLength(i, to);
        var end = i + length;
        var closer = depth < MaxNesting && CanOpen(marker, i, length) ? FindCloser(marker, length, end, to, nesting: 0) : -1;
        if (closer < 0)
        {
            return new TextNode(i, end, _text[i..end]);
        }

        var children = ParseRange(end, closer, depth + 1, inLink);
        return length switch
        {
            _ when marker == '~' => new EmphasisNode(i, closer + length, InlineStyle.Strike, children),
            1 => new EmphasisNode(i, closer + length, InlineStyle.Italic, children),
            2 => new EmphasisNode(i, closer + length, InlineStyle.Bold, children),
            _ => new EmphasisNode(i, closer + length, InlineStyle.Bold,
                [new EmphasisNode(i + 1, closer + length - 1, InlineStyle.Italic, children)]),
        };
    }

    /// <summary>
    /// Finds the run that closes an opener of <paramref name="length"/> markers: the first closing run at least as long
    /// (its first markers close this one), skipping code spans, links, URLs and nested emphasis. Returns -1 if none.
    /// </summary>
    private int FindCloser(char marker, int length, int from, int to, int nesting)
    {
        var key = (marker, length, to);
        if (_noCloserFrom.TryGetValue(key, out var failedFrom) && from >= failedFrom)
        {
            return -1;
        }

        var k = from;
        while (k < to)
        {
            if (_text[k] != marker)
            {
                k = SkipAtomic(k, to);
                continue;
            }

            var run = RunLength(k, to);
            var opens = CanOpen(marker, k, run);
            if (CanClose(marker, k, run) && (run == length || (run > length && !opens && marker != '~')))
            {
                return k;
            }

            var nested = opens && nesting < MaxNestedSearch ? FindCloser(marker, run, k + run, to, nesting + 1) : -1;
            k = nested >= 0 ? nested + run : k + run;
        }

        _noCloserFrom[key] = from;
        return -1;
    }

    /// <summary>The index after a code span, link, autolink, URL or escape at <paramref name="k"/>; else k + 1.</summary>
    private int SkipAtomic(int k, int to) => _text[k] switch
    {
        '\\' => TryEscape(k, to)?.End ?? k + 1,
        '`' => MatchCode(k, to).End,
        '[' => MatchLink(k, to)?.End ?? k + 1,
        '<' => Math.Max(UrlSyntax.MatchAutolink(_text, k, to), k + 1),
        'h' or 'H' => Math.Max(UrlSyntax.MatchBareUrl(_text, k, to), k + 1),
        _ => k + 1,
    };

    private bool CanOpen(char marker, int index, int run)
    {
        var validRun = marker == '~' ? run == 2 : run <= MaxEmphasisRun;
        var next = index + run < _text.Length ? _text[index + run] : ' ';
        var previous = index > 0 ? _text[index - 1] : ' ';
        return validRun && !char.IsWhiteSpace(next) && (marker != '_' || !char.IsLetterOrDigit(previous));
    }

    private bool CanClose(char marker, int index, int run)
    {
        var previous = index > 0 ? _text[index - 1] : ' ';
        var next = index + run < _text.Length ? _text[index + run] : ' ';
        return !char.IsWhiteSpace(previous) && (marker != '_' || !char.IsLetterOrDigit(next));
    }

    private int RunLength(int index, int to)
    {
        var end = index;
        while (end < to && _text[end] == _text[index])
        {
            end++;
        }

        return end - index;
    }

    private int SkipBlanks(int index, int to)
    {
        while (index < to && _text[index] is ' ' or '\t')
        {
            index++;
        }

        return index;
    }

    private void AddText(List<InlineNode> nodes, int start, int end)
    {
        if (start < end)
        {
            nodes.Add(new TextNode(start, end, _text[start..end]));
        }
    }

    /// <summary>CommonMark strips one space on each side of code that has content besides spaces.</summary>
    private static string TrimCodeContent(string code) =>
        code.Length >= 2 && code[0] == ' ' && code[^1] == ' ' && !string.IsNullOrWhiteSpace(code) ? code[1..^1] : code;

    private static bool IsAsciiPunctuation(char c) =>
        c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');
}
