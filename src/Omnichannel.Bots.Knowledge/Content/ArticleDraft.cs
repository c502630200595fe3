namespace Omnichannel.Bots.Knowledge;

/// <summary>The fields of one article as read from a file, each with its line, before they are checked.</summary>
internal sealed class ArticleDraft
{
    /// <summary>The line the article starts on (front matter, CSV row, YAML entry).</summary>
    public required int Line { get; init; }

    /// <summary>How a missing field is added, for messages ("to the front matter", "in the id column").</summary>
    public required string Where { get; init; }

    /// <summary>Fields whose value had the wrong type (already reported; not reported again as missing).</summary>
    public HashSet<string> InvalidFields { get; } = new(StringComparer.Ordinal);

    public string? Id { get; set; }

    public int IdLine { get; set; }

    /// <summary>True when the id was not given but made from the question (CSV/YAML FAQ).</summary>
    public bool IdFromQuestion { get; set; }

    public string? Title { get; set; }

    public int TitleLine { get; set; }

    public string? Locale { get; set; }

    public int LocaleLine { get; set; }

    public string? Url { get; set; }

    public int UrlLine { get; set; }

    public List<string> Tags { get; } = [];

    public List<string> Questions { get; } = [];

    public List<string> Related { get; } = [];

    public List<int> RelatedLines { get; } = [];

    public List<string> Channels { get; } = [];

    public MarkdownBody? Body { get; set; }

    /// <summary>Where a missing answer is reported.</summary>
    public int AnswerLine { get; set; }
}
