namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The unit the knowledge store indexes and returns: one section of an article, or one of its example questions.
/// The payload every store keeps (embedded or Qdrant) is exactly this record.
/// </summary>
public sealed record KnowledgeChunk
{
    /// <summary>Stable across re-indexing: <c>{articleId}#{kind}-{slug or number}</c>; a store derives its point ids from it.</summary>
    public required string Id { get; init; }

    public required string ArticleId { get; init; }

    public required KnowledgeChunkKind Kind { get; init; }

    /// <summary>The article's title.</summary>
    public required string Title { get; init; }

    /// <summary>The section heading for a passage under a heading; null for the lead section and for questions.</summary>
    public string? Heading { get; init; }

    /// <summary>The text that is searched and embedded (plain text: Markdown markup removed, link texts kept).</summary>
    public required string Text { get; init; }

    /// <summary>BCP 47 locale of the article, for example <c>en</c> or <c>en-US</c>.</summary>
    public required string Locale { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Channels the article is limited to (<see cref="ChannelId"/> values); empty means every channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>
    /// Hash of everything that went into this chunk's indexed form (text, title, heading, embedding model), so an
    /// unchanged chunk is never re-embedded.
    /// </summary>
    public required string ContentHash { get; init; }
}
