namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// One help-centre article as an editor wrote it: front matter plus the Markdown answer. FAQ rows (CSV/YAML) become
/// articles too, with their question as the single example question.
/// </summary>
public sealed record KnowledgeArticle
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>BCP 47 locale (<c>en</c>, <c>en-US</c>, <c>de</c>).</summary>
    public required string Locale { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Example phrasings customers use for this article.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Ids of related articles, offered as follow-up choices.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Channels the article is limited to; empty means every channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>The full answer in Markdown (links kept), without the <c>## Short</c> section; used on web chat.</summary>
    public required string Answer { get; init; }

    /// <summary>The <c>## Short</c> section in Markdown, used on SMS and the messaging apps; null when the article has none.</summary>
    public string? ShortAnswer { get; init; }

    /// <summary>The answer's sections by heading (the lead section has a null heading), for chunking.</summary>
    public IReadOnlyList<KnowledgeSection> Sections { get; init; } = [];

    /// <summary>Optional link to the article on the public help centre (front matter <c>url</c>), used as the citation.</summary>
    public string? Url { get; init; }

    /// <summary>Internal links of the answer and the short answer (relative <c>.md</c> links and <c>#fragments</c>), with their lines.</summary>
    public IReadOnlyList<KnowledgeLink> Links { get; init; } = [];

    /// <summary>The 1-based file line of each <see cref="Related"/> entry, in the same order (empty when not known).</summary>
    public IReadOnlyList<int> RelatedLines { get; init; } = [];

    /// <summary>Where it came from, relative to the knowledge folder (for diagnostics and citations).</summary>
    public required KnowledgeSource Source { get; init; }
}
