using System.Diagnostics.CodeAnalysis;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The choices knowledge replies offer, as typed <see cref="ChoiceValue"/>s owned by this package (<c>kb</c>): an
/// article (<c>kb:article:&lt;id&gt;</c>), so a tap (or its number on a channel without buttons) answers that article
/// without searching again; "Talk to a person" (<c>kb:person</c>); and a free-text question a menu routes here
/// (<c>kb:question</c>). Values written by earlier releases (<c>kb:&lt;id&gt;</c>, <c>kb-person</c>,
/// <c>kb-question</c>), still in conversations' offered choices, read the same.
/// </summary>
public static class KnowledgeChoices
{
    /// <summary>The owner of this package's choice values.</summary>
    public const string Owner = "kb";

    private const string ArticleKind = "article";
    private const string PersonKind = "person";
    private const string QuestionKind = "question";
    private const string LegacyPerson = "kb-person";
    private const string LegacyQuestion = "kb-question";

    /// <summary>The "Talk to a person" option offered when the knowledge base cannot answer.</summary>
    public static string Person { get; } = new ChoiceValue(Owner, PersonKind).ToString();

    /// <summary>What a menu that also takes questions (<see cref="QuestionOrChoicePrompt"/>) returns for free text.</summary>
    public static string Question { get; } = new ChoiceValue(Owner, QuestionKind).ToString();

    /// <summary>The option that answers <paramref name="article"/>, titled with its title.</summary>
    public static Choice ForArticle(KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ChoiceValue(Owner, ArticleKind, article.Id).ToChoice(article.Title);
    }

    /// <summary>True when <paramref name="value"/> is an article option; <paramref name="id"/> is the article's id.</summary>
    public static bool TryGetArticleId([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (ChoiceValue.IsOwnedBy(value, Owner, out var choice))
        {
            id = choice switch
            {
                { Kind: ArticleKind, Argument: { Length: > 0 } article } => article,
                // Earlier releases wrote kb:<id>; ids never contained ':'.
                { Argument: null, Kind: not (PersonKind or QuestionKind or ArticleKind) } => choice.Kind,
                _ => null,
            };
        }

        return id is not null;
    }

    /// <summary>True when <paramref name="value"/> is the "Talk to a person" option.</summary>
    public static bool IsPerson([NotNullWhen(true)] string? value) =>
        value == LegacyPerson || (ChoiceValue.IsOwnedBy(value, Owner, out var choice) && choice is { Kind: PersonKind, Argument: null });

    /// <summary>True when <paramref name="value"/> is a free-text question routed to the knowledge base.</summary>
    public static bool IsQuestion([NotNullWhen(true)] string? value) =>
        value == LegacyQuestion || (ChoiceValue.IsOwnedBy(value, Owner, out var choice) && choice is { Kind: QuestionKind, Argument: null });

    /// <summary>True for every value the knowledge dialog handles: an article, a person, or a question.</summary>
    public static bool IsKnowledgeValue([NotNullWhen(true)] string? value) =>
        IsPerson(value) || IsQuestion(value) || TryGetArticleId(value, out _);
}
