namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Small text helpers for the rules: "did you mean" suggestions, clipping, globs.</summary>
internal static class RuleText
{
    /// <summary>The candidate closest to <paramref name="word"/> when it looks like a typo of it, else null.</summary>
    public static string? DidYouMean(string word, IEnumerable<string> candidates) => TypoSuggestions.DidYouMean(word, candidates);

    /// <summary><c> (did you mean 'x'?)</c> or nothing.</summary>
    public static string Suggest(string word, IEnumerable<string> candidates) =>
        DidYouMean(word, candidates) is { } suggestion ? $" (did you mean '{suggestion}'?)" : string.Empty;

    /// <summary>
    /// True when <paramref name="text"/> matches <paramref name="pattern"/>, ignoring case; <c>*</c> in the pattern
    /// stands for any run of characters (none included), every other character for itself.
    /// </summary>
    public static bool GlobMatches(string pattern, string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length && char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Shortens text for a message.</summary>
    public static string Clip(string text, int max = 60) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
