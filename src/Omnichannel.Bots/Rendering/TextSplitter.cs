using System.Globalization;

namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Splits long text into parts a channel accepts, at the most natural boundary that fits: a blank line (paragraph),
/// then a line break, then the end of a sentence, then a space, and only when a part has no space at all, a hard cut
/// between two characters as the reader sees them (never inside a surrogate pair or an emoji sequence).
/// </summary>
public static class TextSplitter
{
    /// <summary>The smallest part length: a surrogate pair must fit in one part.</summary>
    public const int MinLength = 2;

    /// <summary>
    /// Splits <paramref name="text"/> into trimmed, non-empty parts of at most <paramref name="maxLength"/> UTF-16
    /// characters. Whitespace-only text yields no parts. The words of the parts, in order, are the words of the text
    /// unless a word is longer than <paramref name="maxLength"/> and has to be cut.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength) => Split(text, maxLength, isBlocked: null);

    /// <summary>
    /// Splits as <see cref="Split(string, int)"/> does, avoiding the cuts <paramref name="isBlocked"/> refuses (a cut at
    /// index <c>i</c> falls between <c>text[i - 1]</c> and <c>text[i]</c>). A blocked boundary is used only when no
    /// other boundary fits.
    /// </summary>
    internal static IReadOnlyList<string> Split(string text, int maxLength, Func<int, bool>? isBlocked)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinLength);

        var parts = new List<string>();
        var position = 0;
        while (true)
        {
            var (start, end, next) = NextPart(text, position, maxLength, isBlocked);
            if (end == start)
            {
                return parts;
            }

            parts.Add(text[start..end]);
            position = next;
        }
    }

    /// <summary>
    /// The next part of <paramref name="text"/> from <paramref name="position"/>: where it starts and ends (trimmed;
    /// equal when only whitespace remains) and where the search for the part after it starts.
    /// </summary>
    internal static (int Start, int End, int Next) NextPart(string text, int position, int maxLength, Func<int, bool>? isBlocked)
    {
        var start = SkipWhitespace(text, position);
        var end = TrimmedEnd(text, start, text.Length);
        if (end - start <= maxLength)
        {
            return (start, end, text.Length);
        }

        var cut = FindCut(text, start, start + maxLength, isBlocked);
        return (start, TrimmedEnd(text, start, cut), cut);
    }

    private static int FindCut(string text, int start, int limit, Func<int, bool>? isBlocked)
    {
        var cut = FindBreak(text, start, limit, isBlocked);
        if (cut < 0 && isBlocked is not null)
        {
            cut = FindBreak(text, start, limit, isBlocked: null);
        }

        return cut > start ? cut : HardCut(text, start, limit, isBlocked);
    }

    /// <summary>
    /// The best whitespace run starting in (start, limit]: the last paragraph break, else the last line break, else the
    /// last sentence end, else the last space. Returns where the run starts, or -1.
    /// </summary>
    private static int FindBreak(string text, int start, int limit, Func<int, bool>? isBlocked)
    {
        int line = -1, sentence = -1, word = -1;
        var p = limit;
        while (p > start)
        {
            if (!IsBreakingSpace(text[p]))
            {
                p--;
                continue;
            }

            var runStart = p;
            while (runStart - 1 > start && IsBreakingSpace(text[runStart - 1]))
            {
                runStart--;
            }

            if (isBlocked is null || !isBlocked(runStart))
            {
                var newlines = CountNewlines(text, runStart);
                if (newlines >= 2)
                {
                    return runStart;
                }

                if (newlines == 1)
                {
                    line = line < 0 ? runStart : line;
                }
                else
                {
                    sentence = sentence < 0 && SentenceBoundary.EndsSentence(text, start, runStart) ? runStart : sentence;
                    word = word < 0 ? runStart : word;
                }
            }

            p = runStart - 1;
        }

        return line >= 0 ? line : sentence >= 0 ? sentence : word;
    }

    /// <summary>A cut inside a word: at the last grapheme boundary that fits (an unblocked one if there is).</summary>
    private static int HardCut(string text, int start, int limit, Func<int, bool>? isBlocked)
    {
        int lastAny = -1, lastFree = -1;
        var position = start;
        while (true)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(position));
            if (length == 0 || position + length > limit)
            {
                break;
            }

            position += length;
            lastAny = position;
            if (isBlocked is null || !isBlocked(position))
            {
                lastFree = position;
            }
        }

        if (lastFree > start)
        {
            return lastFree;
        }

        if (lastAny > start)
        {
            return lastAny;
        }

        // One grapheme longer than the limit: cut it, but never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[limit - 1]) && char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    /// <summary>How many line breaks the whitespace run at <paramref name="runStart"/> holds (CR LF counts once).</summary>
    private static int CountNewlines(string text, int runStart)
    {
        int lineFeeds = 0, carriageReturns = 0;
        for (var i = runStart; i < text.Length && IsBreakingSpace(text[i]); i++)
        {
            if (text[i] == '\n')
            {
                lineFeeds++;
            }
            else if (text[i] == '\r')
            {
                carriageReturns++;
            }
        }

        return lineFeeds > 0 ? lineFeeds : carriageReturns;
    }

    /// <summary>Whitespace a line may break at; no-break spaces keep their neighbours together.</summary>
    private static bool IsBreakingSpace(char c) => char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u2007' or '\u202F');

    private static int SkipWhitespace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int TrimmedEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
