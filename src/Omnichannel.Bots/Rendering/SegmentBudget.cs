namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Composes a reply's text for a channel that bills SMS segments (<see cref="TextEncoding.SmsSegments"/>): typographic
/// punctuation becomes GSM-7 (<see cref="SmsTypography"/>), and a reply that costs more than
/// <see cref="ChannelCapabilities.MaxSegments"/> (or is longer than <see cref="ChannelCapabilities.MaxTextLength"/>)
/// is cut at the last sentence that fits and ends with "More: " and its <see cref="BotMessage.FullTextUrl"/>. Without
/// that link nothing may be dropped, so the reply is split as on other channels into several messages, each within the
/// budget. The numbered options always stay whole, after the text.
/// </summary>
internal static class SegmentBudget
{
    /// <summary>The words before the link to the full text.</summary>
    public const string FullTextLabel = "More: ";

    private const string BlockSeparator = "\n\n";

    /// <summary>The message texts for <paramref name="markdown"/> followed by <paramref name="trailer"/> (links and options).</summary>
    public static List<string> Compose(string? markdown, string trailer, Uri? fullTextUrl, ChannelCapabilities capabilities)
    {
        var body = string.IsNullOrWhiteSpace(markdown)
            ? string.Empty
            : SmsTypography.ToGsm7(MarkupConverter.Convert(markdown.ReplaceLineEndings("\n"), capabilities.Markup).Trim());
        var untouchedTrailer = trailer;
        trailer = SmsTypography.ToGsm7(trailer.Trim());
        var whole = Join(body, trailer);
        bool Fits(string text) =>
            text.Length <= capabilities.MaxTextLength
            && (capabilities.MaxSegments <= 0 || SmsSegments.Count(text).Segments <= capabilities.MaxSegments);

        if (whole.Length == 0)
        {
            return [];
        }

        if (Fits(whole))
        {
            return [whole];
        }

        if (fullTextUrl is not null)
        {
            var tail = Join(FullTextLabel + (fullTextUrl.IsAbsoluteUri ? fullTextUrl.AbsoluteUri : fullTextUrl.OriginalString), trailer);
            if (LongestFitting(body, 0, cut => Fits(Join(cut, tail))) is { } shortened)
            {
                return [Join(shortened.Text, tail)];
            }
        }

        // No link to the rest: split as on any channel (Markdown-aware), at most as long as the budget holds in this
        // text's encoding, and split again any part that extension characters or surrogate pairs still push past it.
        var perMessage = capabilities.MaxSegments <= 0
            ? capabilities.MaxTextLength
            : Math.Min(capabilities.MaxTextLength, CharacterBudget(SmsSegments.IsGsm7(whole), capabilities.MaxSegments));
        var parts = ReplyRenderer.ComposeTexts(markdown, untouchedTrailer, capabilities with { MaxTextLength = perMessage });
        return [.. parts.Select(SmsTypography.ToGsm7).SelectMany(part => Fits(part) ? [part] : SplitFitting(part, Fits))];
    }

    /// <summary>How many characters of one alphabet <paramref name="segments"/> segments hold.</summary>
    private static int CharacterBudget(bool gsm7, int segments) => (gsm7, segments) switch
    {
        (true, 1) => SmsSegments.Gsm7Single,
        (true, _) => SmsSegments.Gsm7Concatenated * segments,
        (false, 1) => SmsSegments.Ucs2Single,
        _ => SmsSegments.Ucs2Concatenated * segments,
    };

    /// <summary>Parts of <paramref name="text"/>, each the longest that fits, cut where <see cref="TextSplitter"/> would cut.</summary>
    private static List<string> SplitFitting(string text, Func<string, bool> fits)
    {
        var parts = new List<string>();
        var position = 0;
        while (TextSplitter.NextPart(text, position, Math.Max(text.Length, TextSplitter.MinLength), isBlocked: null) is var (start, end, _) && end > start)
        {
            var part = LongestFitting(text, position, fits) ?? Part(text, position, TextSplitter.MinLength);
            parts.Add(part.Text);
            position = part.Next;
        }

        return parts;
    }

    /// <summary>The longest next part of <paramref name="text"/> from <paramref name="position"/> that <paramref name="fits"/>; null when none does.</summary>
    private static (string Text, int Next)? LongestFitting(string text, int position, Func<string, bool> fits)
    {
        (string Text, int Next)? best = null;
        int low = TextSplitter.MinLength, high = Math.Max(text.Length - position, TextSplitter.MinLength);
        while (low <= high)
        {
            var length = low + ((high - low) / 2);
            var part = Part(text, position, length);
            if (part.Text.Length > 0 && fits(part.Text))
            {
                best = part;
                low = length + 1;
            }
            else
            {
                high = length - 1;
            }
        }

        return best;
    }

    private static (string Text, int Next) Part(string text, int position, int maxLength)
    {
        var (start, end, next) = TextSplitter.NextPart(text, position, maxLength, isBlocked: null);
        return (text[start..end], next);
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : first + BlockSeparator + second;
}
