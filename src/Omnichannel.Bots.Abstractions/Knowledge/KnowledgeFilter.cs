namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Restricts a search. <see cref="Locale"/> matches a chunk whose locale is the same or its parent or child
/// (<c>en</c> matches <c>en-US</c>); every tag in <see cref="Tags"/> must be on the chunk; <see cref="Channel"/> matches
/// chunks limited to that channel and chunks with no channel limit.
/// </summary>
public sealed record KnowledgeFilter
{
    public static KnowledgeFilter None { get; } = new();

    public string? Locale { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Channel { get; init; }
}
