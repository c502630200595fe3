using System.Text;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Turns the knowledge base's answer into the reply for one channel, reading only the channel's capabilities (no
/// I/O). An answer is the article's full Markdown where the channel renders Markdown and has room for it, else its
/// short answer when it has one (else the full answer, which the channel's renderer converts and splits); then a
/// citation (the title, linked to the article's public page on channels that show links) and the related articles as
/// <c>kb:&lt;id&gt;</c> options. A decline offers the closest topics and a person; a clarification offers the close
/// articles. Links to other articles' files become their public links or plain text.
/// </summary>
public sealed class KnowledgeReplyComposer
{
    private const string Paragraph = "\n\n";

    public KnowledgeReplyComposer()
        : this(new KnowledgeTexts())
    {
    }

    public KnowledgeReplyComposer(KnowledgeTexts texts)
    {
        Texts = texts ?? throw new ArgumentNullException(nameof(texts));
    }

    public KnowledgeTexts Texts { get; }

    /// <summary>How many related articles an answer offers (default 3; 0 offers none).</summary>
    public int MaxRelated
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRelated cannot be negative.");
    } = 3;

    /// <summary>How many of the closest topics a decline offers besides a person (default 3; 0 offers only the person).</summary>
    public int MaxTopics
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxTopics cannot be negative.");
    } = 3;

    /// <summary>The reply to <paramref name="answer"/> on <paramref name="channel"/>; <paramref name="findArticle"/> looks up related and linked articles by id.</summary>
    public KnowledgeReply Compose(KnowledgeAnswer answer, ChannelProfile channel, Func<string, KnowledgeArticle?> findArticle)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(findArticle);
        return answer.Decision switch
        {
            KnowledgeDecision.Answer when answer.Best is { } best => ComposeArticle(best.Article, channel, findArticle),
            KnowledgeDecision.Clarify when Visible(answer.Matches, channel).Count > 0 => Clarify(answer, channel),
            _ => Decline(answer, channel),
        };
    }

    /// <summary>The answer of one article (a tapped <c>kb:&lt;id&gt;</c> option), as <see cref="Compose"/> writes answers.</summary>
    public KnowledgeReply ComposeArticle(KnowledgeArticle article, ChannelProfile channel, Func<string, KnowledgeArticle?> findArticle)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(findArticle);
        var capabilities = channel.Capabilities;
        var citation = Citation(article, capabilities);
        var full = MarkdownTables.ToLists(KnowledgeLinkRewriter.Rewrite(article.Answer.Trim(), article, findArticle));
        var body = full;
        if (!PrefersFullAnswer(capabilities, full.Length + Paragraph.Length + citation.Length) && !string.IsNullOrWhiteSpace(article.ShortAnswer))
        {
            body = MarkdownTables.ToLists(KnowledgeLinkRewriter.Rewrite(article.ShortAnswer.Trim(), article, findArticle));
        }

        var related = Related(article, channel, findArticle);
        var text = new StringBuilder(body);
        Append(text, citation);
        if (related.Count > 0)
        {
            Append(text, Texts.Related);
        }

        return new KnowledgeReply(KnowledgeReplyKind.Answer, text.ToString(), related)
        {
            ArticleId = article.Id,
            FullTextUrl = Uri.TryCreate(KnowledgeLinkRewriter.PublicUrl(article), UriKind.Absolute, out var page) ? page : null,
        };
    }

    /// <summary>What to say when the knowledge base could not be asked: an apology and a person.</summary>
    public KnowledgeReply ComposeUnavailable() =>
        new(KnowledgeReplyKind.Unavailable, Texts.Unavailable, [PersonChoice()]);

    /// <summary>
    /// True when the channel should get an article's full answer of <paramref name="length"/> characters: it renders
    /// Markdown (headings, lists and links as written) and one message holds it. Other channels get the short answer.
    /// </summary>
    public static bool PrefersFullAnswer(ChannelCapabilities capabilities, int length)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.Markup == TextMarkup.Markdown && length <= capabilities.MaxTextLength;
    }

    /// <summary>True when the channel shows a link behind its text (Markdown, Telegram HTML); elsewhere a link would print its address.</summary>
    public static bool ShowsLinks(ChannelCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.Markup is TextMarkup.Markdown or TextMarkup.TelegramHtml;
    }

    private KnowledgeReply Clarify(KnowledgeAnswer answer, ChannelProfile channel)
    {
        var choices = Visible(answer.Matches, channel).Take(2).Select(KnowledgeChoices.ForArticle).ToList();
        return new KnowledgeReply(KnowledgeReplyKind.Clarify, Texts.DidYouMean, choices);
    }

    private KnowledgeReply Decline(KnowledgeAnswer answer, ChannelProfile channel)
    {
        List<Choice> choices = [.. Visible(answer.Matches, channel).Take(MaxTopics).Select(KnowledgeChoices.ForArticle)];
        var text = Texts.NotSure + " " + (choices.Count > 0 ? Texts.ClosestTopics : Texts.Rephrase);
        choices.Add(PersonChoice());
        return new KnowledgeReply(KnowledgeReplyKind.Decline, text.Trim(), choices);
    }

    private Choice PersonChoice() => new(KnowledgeChoices.Person, Texts.TalkToPerson);

    private string Citation(KnowledgeArticle article, ChannelCapabilities capabilities)
    {
        if (string.IsNullOrWhiteSpace(Texts.Citation))
        {
            return string.Empty;
        }

        var title = EscapeMarkdown(article.Title.ReplaceLineEndings(" ").Trim());
        var url = ShowsLinks(capabilities) ? KnowledgeLinkRewriter.PublicUrl(article) : null;
        return Texts.Citation.Replace("{title}", url is null ? title : $"[{title}]({url})", StringComparison.Ordinal);
    }

    private List<Choice> Related(KnowledgeArticle article, ChannelProfile channel, Func<string, KnowledgeArticle?> findArticle)
    {
        var choices = new List<Choice>();
        foreach (var id in article.Related.Distinct(StringComparer.Ordinal))
        {
            if (choices.Count >= MaxRelated)
            {
                break;
            }

            if (id != article.Id && findArticle(id) is { } related && IsVisibleOn(related, channel))
            {
                choices.Add(KnowledgeChoices.ForArticle(related));
            }
        }

        return choices;
    }

    private static List<KnowledgeArticle> Visible(IReadOnlyList<ArticleMatch> matches, ChannelProfile channel) =>
        [.. matches.Select(m => m.Article).Where(a => IsVisibleOn(a, channel)).DistinctBy(a => a.Id)];

    private static bool IsVisibleOn(KnowledgeArticle article, ChannelProfile channel) =>
        article.Channels.Count == 0 || article.Channels.Contains(channel.Channel.Value, StringComparer.OrdinalIgnoreCase);

    private static void Append(StringBuilder text, string block)
    {
        if (string.IsNullOrWhiteSpace(block))
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(Paragraph);
        }

        text.Append(block.Trim());
    }

    /// <summary>Backslash-escapes what Markdown would read as formatting, so a title shows as written.</summary>
    private static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '~' or '[' or ']' or '<')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
