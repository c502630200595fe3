namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// A knowledge reply composed for one channel: Markdown text (the channel's renderer converts and splits it) and the
/// options to offer. <see cref="ArticleId"/> names the article answered, for an <see cref="KnowledgeReplyKind.Answer"/>.
/// </summary>
public sealed record KnowledgeReply(KnowledgeReplyKind Kind, string Text, IReadOnlyList<Choice> Choices)
{
    public string? ArticleId { get; init; }

    /// <summary>The answered article's public page, where a channel that has to shorten the reply links to (<see cref="BotMessage.FullTextUrl"/>).</summary>
    public Uri? FullTextUrl { get; init; }
}
