using System.Globalization;

namespace Omnichannel.Bots.Knowledge;

/// <summary>Checks a draft's fields and turns it into a <see cref="KnowledgeArticle"/>.</summary>
internal static class ArticleBuilder
{
    public const string DefaultLocale = "en";

    /// <summary>The checked article, or null when id, title or answer is missing (the diagnostics say why).</summary>
    public static KnowledgeArticle? Build(ArticleDraft draft, DiagnosticBag bag)
    {
        var ok = true;
        var id = draft.Id?.Trim();
        if (draft.InvalidFields.Contains("id"))
        {
            ok = false;
        }
        else if (id is null)
        {
            bag.Error(draft.Line, $"missing id: add 'id: some-article' {draft.Where}");
            ok = false;
        }
        else if (id.Length == 0)
        {
            bag.Error(draft.IdLine, draft.IdFromQuestion ? "cannot make an id from the question: give the entry an id" : "id is empty");
            ok = false;
        }
        else if (!TextTools.IsValidId(id))
        {
            var suggestion = TextTools.Slug(id);
            var hint = suggestion.Length > 0 ? $" (try '{suggestion}')" : string.Empty;
            bag.Error(draft.IdLine, $"invalid id '{TextTools.Clip(id)}': use only a-z, 0-9 and '-', starting with a letter or digit{hint}");
            ok = false;
        }

        var title = draft.Title?.Trim();
        if (draft.InvalidFields.Contains("title"))
        {
            ok = false;
        }
        else if (title is null)
        {
            bag.Error(draft.Line, $"missing title: add 'title: ...' {draft.Where}");
            ok = false;
        }
        else if (title.Length == 0)
        {
            bag.Error(draft.TitleLine, "title is empty");
            ok = false;
        }

        var locale = draft.Locale?.Trim();
        if (string.IsNullOrEmpty(locale))
        {
            locale = DefaultLocale;
        }
        else if (!draft.InvalidFields.Contains("locale") && !IsKnownCulture(locale))
        {
            bag.Error(draft.LocaleLine, $"invalid locale '{TextTools.Clip(locale)}': use a BCP 47 language tag such as en, en-US or de");
        }

        if (draft.Url is { } url && (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            bag.Error(draft.UrlLine, $"url '{TextTools.Clip(url)}' is not an absolute http(s) address");
        }

        var body = draft.Body;
        if (body is null || body.AnswerIsEmpty)
        {
            bag.Error(draft.AnswerLine, body?.ShortAnswer is null ? "the answer is empty: write it " + AnswerWhere(draft) : "the answer is empty: only a '## Short' section was written; write the full answer above it");
            ok = false;
        }

        if (!ok || id is null || title is null || body is null)
        {
            return null;
        }

        return new KnowledgeArticle
        {
            Id = id,
            Title = title,
            Locale = locale,
            Tags = [.. draft.Tags],
            Questions = [.. draft.Questions],
            Related = [.. draft.Related],
            RelatedLines = [.. draft.RelatedLines],
            Channels = [.. draft.Channels],
            Url = draft.Url?.Trim(),
            Answer = body.Answer,
            ShortAnswer = body.ShortAnswer,
            Sections = body.Sections,
            Links = body.Links,
            Source = new KnowledgeSource(bag.File, draft.Line),
        };
    }

    private static string AnswerWhere(ArticleDraft draft) => draft.Where switch
    {
        "to the front matter" => "below the front matter",
        _ => "in the answer " + (draft.Where.Contains("column", StringComparison.Ordinal) ? "column" : "field"),
    };

    private static bool IsKnownCulture(string locale)
    {
        if (locale.Length == 0)
        {
            return false;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
            return !culture.Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
