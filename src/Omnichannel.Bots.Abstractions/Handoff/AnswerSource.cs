namespace Omnichannel.Bots.Handoff;

/// <summary>A knowledge article an answer came from (or that was considered), with its score for the question.</summary>
public sealed record AnswerSource(string ArticleId, string Title, double Score);
