namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Decides whether text ends a sentence before a space: end punctuation (. ! ? …), optionally followed by closing
/// quotes, brackets or emphasis markers, but not the dot of a common abbreviation ("e.g.", "Dr.") or of initials
/// ("U.S."). Decimals and URLs never qualify because a sentence end must be followed by whitespace.
/// </summary>
internal static class SentenceBoundary
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "cf", "al", "approx", "est", "fig", "no", "nos", "tel", "ext", "dept",
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "ave", "apt", "inc", "ltd", "co", "corp", "ph.d",
    };

    /// <summary>True when <c>text[start..end]</c> ends with a sentence end.</summary>
    public static bool EndsSentence(string text, int start, int end)
    {
        var k = end - 1;
        while (k >= start && IsCloser(text[k]))
        {
            k--;
        }

        if (k < start)
        {
            return false;
        }

        if (text[k] is '!' or '?' or '…' or '‼' or '。' or '！' or '？')
        {
            return true;
        }

        if (text[k] != '.')
        {
            return false;
        }

        // An ellipsis ("...") ends a sentence; a single dot may belong to an abbreviation.
        return k > start && text[k - 1] == '.' || !IsAbbreviation(text, start, k);
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length > 0 && (Abbreviations.Contains(word) || IsInitials(word));
    }

    /// <summary>Single letters joined by dots, as in "U.S" (the final dot is not part of <paramref name="word"/>).</summary>
    private static bool IsInitials(string word)
    {
        var letters = word.Split('.');
        return letters.Length >= 2 && letters.All(letter => letter.Length == 1 && char.IsLetter(letter[0]));
    }

    private static bool IsCloser(char c) =>
        c is '"' or '\'' or '”' or '’' or '»' or '›' or ')' or ']' or '}' or '*' or '_' or '~';
}
