namespace Omnichannel.Bots.Knowledge;

/// <summary>Evaluates a <see cref="KnowledgeFilter"/> against chunk (or article) metadata.</summary>
internal static class ChunkFilter
{
    public static bool IsEmpty(KnowledgeFilter filter) =>
        string.IsNullOrEmpty(filter.Locale) && filter.Tags.Count == 0 && string.IsNullOrEmpty(filter.Channel);

    public static bool Matches(KnowledgeFilter filter, string locale, IReadOnlyList<string> tags, IReadOnlyList<string> channels)
    {
        if (!string.IsNullOrEmpty(filter.Locale) && !LocaleMatch.Matches(filter.Locale, locale))
        {
            return false;
        }

        foreach (var tag in filter.Tags)
        {
            if (!Contains(tags, tag))
            {
                return false;
            }
        }

        return string.IsNullOrEmpty(filter.Channel) || channels.Count == 0 || Contains(channels, filter.Channel);
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
