namespace Omnichannel.Bots.Knowledge;

/// <summary>BCP 47 parent/child matching: <c>en</c> matches <c>en</c>, <c>en-US</c> and <c>en-US-x-foo</c>; <c>en-US</c> matches <c>en</c> but not <c>en-GB</c>.</summary>
internal static class LocaleMatch
{
    public static bool Matches(string requested, string candidate)
    {
        if (string.Equals(requested, candidate, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IsPrefix(requested, candidate) || IsPrefix(candidate, requested);
    }

    private static bool IsPrefix(string shorter, string longer) =>
        longer.Length > shorter.Length && longer[shorter.Length] is '-' or '_' && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase);
}
