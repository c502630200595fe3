using System.Globalization;
using System.Text;

namespace Omnichannel.Bots.Knowledge;

/// <summary>Small text helpers shared by the parsers: slugs, ids, "did you mean" suggestions.</summary>
internal static class TextTools
{
    public const int MaxSlugLength = 60;

    /// <summary>True for a valid article id: <c>[a-z0-9][a-z0-9-]*</c>.</summary>
    public static bool IsValidId(string id)
    {
        if (id.Length == 0 || id[0] == '-')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A valid id made from free text: accents removed, lower case, other characters as '-'; empty when nothing is left.</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(Math.Min(decomposed.Length, MaxSlugLength + 1));
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark || raw is '\'' or '\u2019')
            {
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = slug[..(cut > MaxSlugLength / 2 ? cut : MaxSlugLength)].Trim('-');
        }

        return slug;
    }

    /// <summary>The candidate closest to <paramref name="word"/> when it looks like a typo of it, else null.</summary>
    public static string? DidYouMean(string word, IEnumerable<string> candidates) => TypoSuggestions.DidYouMean(word, candidates);

    /// <summary>The 1-based line of a character offset.</summary>
    public static int LineOf(string text, int index)
    {
        var line = 1;
        var end = Math.Min(index, text.Length);
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>A GitHub-style heading anchor: lower case, punctuation removed, spaces as '-'.</summary>
    public static string Anchor(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        foreach (var raw in heading.Trim())
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }

    /// <summary>Shortens text for a message.</summary>
    public static string Clip(string text, int max = 60) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
