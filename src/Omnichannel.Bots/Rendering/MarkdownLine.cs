namespace Omnichannel.Bots.Rendering;

/// <summary>
/// One source line classified as a heading (<c># text</c>), a bullet (<c>- text</c> or <c>* text</c>) or text, with
/// where its inline content lies. <see cref="Indent"/> is the length of a bullet's leading whitespace.
/// </summary>
internal readonly record struct MarkdownLine(MarkdownLineKind Kind, int Start, int Indent, int ContentStart, int ContentEnd)
{
    private const int MaxHeadingLevel = 6;
    private const int MaxHeadingIndent = 3;

    public static MarkdownLine Parse(string text, int start, int end) =>
        TryHeading(text, start, end) ?? TryBullet(text, start, end) ?? Text(start, end);

    public static MarkdownLine Text(int start, int end) => new(MarkdownLineKind.Text, start, 0, start, end);

    private static MarkdownLine? TryHeading(string text, int start, int end)
    {
        var i = start;
        while (i < end && i - start < MaxHeadingIndent && text[i] == ' ')
        {
            i++;
        }

        var hashes = i;
        while (hashes < end && text[hashes] == '#')
        {
            hashes++;
        }

        var level = hashes - i;
        if (level is < 1 or > MaxHeadingLevel || (hashes < end && !IsBlank(text[hashes])))
        {
            return null;
        }

        var contentStart = SkipBlanks(text, hashes, end);
        var contentEnd = TrimBlanks(text, contentStart, end);
        var closing = contentEnd;
        while (closing > contentStart && text[closing - 1] == '#')
        {
            closing--;
        }

        if (closing == contentStart || IsBlank(text[closing - 1]))
        {
            contentEnd = TrimBlanks(text, contentStart, closing);
        }

        return new(MarkdownLineKind.Heading, start, 0, contentStart, contentEnd);
    }

    private static MarkdownLine? TryBullet(string text, int start, int end)
    {
        var marker = SkipBlanks(text, start, end);
        if (marker + 1 >= end || text[marker] is not ('-' or '*') || !IsBlank(text[marker + 1]))
        {
            return null;
        }

        return new(MarkdownLineKind.Bullet, start, marker - start, SkipBlanks(text, marker + 1, end), end);
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';

    private static int SkipBlanks(string text, int index, int end)
    {
        while (index < end && IsBlank(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int TrimBlanks(string text, int start, int end)
    {
        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
