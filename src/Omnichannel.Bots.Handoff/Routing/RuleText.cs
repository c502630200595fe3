namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Small text helpers for the rules: "did you mean" suggestions, clipping, globs.</summary>
internal static class RuleText
{
    /// <summary>The candidate closest to <paramref name="word"/> when it looks like a typo of it (or differs only in case), else null.</summary>
    public static string? DidYouMean(string word, IEnumerable<string> candidates)
    {
        var lower = word.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(lower, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = lower.Length <= 2 ? 0 : lower.Length <= 5 ? 1 : lower.Length <= 12 ? 2 : 3;
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary><c> (did you mean 'x'?)</c> or nothing.</summary>
    public static string Suggest(string word, IEnumerable<string> candidates) =>
        DidYouMean(word, candidates) is { } suggestion ? $" (did you mean '{suggestion}'?)" : string.Empty;

    /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

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
