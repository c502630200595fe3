using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots;

/// <summary>
/// The knowledge base's attempt to answer one message: whether it answered (false: it declined as not confident),
/// its confidence 0..1, and the articles used or considered, best first.
/// </summary>
public sealed record KnowledgeAttempt(bool Answered, double? Confidence, IReadOnlyList<AnswerSource> Sources);
