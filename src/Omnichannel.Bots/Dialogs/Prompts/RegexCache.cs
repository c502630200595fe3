using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots;

/// <summary>
/// Builds each pattern once: prompts and choice phrases are declared in code and re-created every turn, and parsing a
/// pattern costs more than matching it. Bounded, so patterns built from data cannot grow it without limit.
/// </summary>
internal static class RegexCache
{
    private const int MaxEntries = 4096;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Regex> Cache = new();

    public static Regex Get(string pattern, RegexOptions options)
    {
        if (Cache.TryGetValue((pattern, options), out var cached))
        {
            return cached;
        }

        var regex = new Regex(pattern, options, MatchTimeout);
        if (Cache.Count < MaxEntries)
        {
            Cache.TryAdd((pattern, options), regex);
        }

        return regex;
    }
}
