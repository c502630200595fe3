namespace Omnichannel.Bots.Rendering;

/// <summary>Recognizes autolinks (<c>&lt;scheme:...&gt;</c>) and bare http(s) URLs in Markdown source.</summary>
internal static class UrlSyntax
{
    private const int MinSchemeLength = 2;
    private const int MaxSchemeLength = 32;

    /// <summary>The index after an autolink starting at <paramref name="i"/> (a '&lt;'), or -1.</summary>
    public static int MatchAutolink(string text, int i, int to)
    {
        var k = i + 1;
        if (k >= to || !char.IsAsciiLetter(text[k]))
        {
            return -1;
        }

        while (k < to && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is '+' or '.' or '-'))
        {
            k++;
        }

        var schemeLength = k - i - 1;
        if (schemeLength is < MinSchemeLength or > MaxSchemeLength || k >= to || text[k] != ':')
        {
            return -1;
        }

        while (k < to && text[k] != '>')
        {
            if (char.IsWhiteSpace(text[k]) || char.IsControl(text[k]) || text[k] == '<')
            {
                return -1;
            }

            k++;
        }

        return k < to ? k + 1 : -1;
    }

    /// <summary>
    /// The index after a bare http(s) URL starting at <paramref name="i"/>, or -1. Trailing punctuation, emphasis
    /// markers and an unbalanced ')' are left out, as GitHub's autolinking does.
    /// </summary>
    public static int MatchBareUrl(string text, int i, int to)
    {
        if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
        {
            return -1;
        }

        var rest = text.AsSpan(i, to - i);
        var hostStart = i + (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : 0);
        if (hostStart == i)
        {
            return -1;
        }

        var end = hostStart;
        while (end < to && !char.IsWhiteSpace(text[end]) && text[end] != '<')
        {
            end++;
        }

        end = TrimUrlEnd(text, hostStart, end);
        return end > hostStart ? end : -1;
    }

    private static int TrimUrlEnd(string text, int start, int end)
    {
        while (end > start)
        {
            var last = text[end - 1];
            var url = text.AsSpan(start, end - start);
            var unbalanced = last == ')' && url.Count(')') > url.Count('(');
            if (!unbalanced && last is not ('.' or ',' or ':' or ';' or '!' or '?' or '"' or '\'' or '*' or '_' or '~'))
            {
                break;
            }

            end--;
        }

        return end;
    }
}
