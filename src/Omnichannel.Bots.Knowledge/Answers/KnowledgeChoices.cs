using System.Diagnostics.CodeAnalysis;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The values of the options knowledge replies offer. An article is offered as <c>kb:&lt;id&gt;</c>, so a tap (or its
/// number on a channel without buttons) answers that article directly without searching again.
/// </summary>
public static class KnowledgeChoices
{
    /// <summary>Starts the value of an option that answers one article: <c>kb:shipping-times</c>.</summary>
    public const string ArticlePrefix = "kb:";

    /// <summary>The "Talk to a person" option offered when the knowledge base cannot answer.</summary>
    public const string Person = "kb-person";

    /// <summary>What a menu that also takes questions (<see cref="QuestionOrChoicePrompt"/>) returns for free text.</summary>
    public const string Question = "kb-question";

    /// <summary>The option that answers <paramref name="article"/>, titled with its title.</summary>
    public static Choice ForArticle(KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new Choice(ArticlePrefix + article.Id, article.Title);
    }

    /// <summary>True when <paramref name="value"/> is an article option; <paramref name="id"/> is the article's id.</summary>
    public static bool TryGetArticleId([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? id)
    {
        id = value is not null && value.Length > ArticlePrefix.Length && value.StartsWith(ArticlePrefix, StringComparison.Ordinal)
            ? value[ArticlePrefix.Length..]
            : null;
        return id is not null;
    }

    /// <summary>True for every value the knowledge dialog handles: an article, a person, or a question.</summary>
    public static bool IsKnowledgeValue([NotNullWhen(true)] string? value) =>
        value is Person or Question || TryGetArticleId(value, out _);
}
