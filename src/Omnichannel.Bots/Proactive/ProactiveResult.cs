using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// The result of a proactive send: the conversation and customer it went to (also for a refusal, when known), the
/// outbox rows it queued, and for a refusal the policy's <see cref="ReachProblem"/> in words an agent can read.
/// </summary>
public sealed record ProactiveResult
{
    public required ProactiveOutcome Outcome { get; init; }

    public string? ConversationId { get; init; }

    public string? CustomerId { get; init; }

    /// <summary>The outbox rows written (one per part the renderer made); empty unless <see cref="ProactiveOutcome.Queued"/>.</summary>
    public IReadOnlyList<OutboxEntry> Queued { get; init; } = [];

    /// <summary>Why the policy refused the message; null unless <see cref="ProactiveOutcome.Refused"/>.</summary>
    public ReachProblem? Problem { get; init; }

    public bool Succeeded => Outcome == ProactiveOutcome.Queued;

    public static ProactiveResult Written(string conversationId, string customerId, IReadOnlyList<OutboxEntry> queued) =>
        new() { Outcome = ProactiveOutcome.Queued, ConversationId = conversationId, CustomerId = customerId, Queued = queued };

    public static ProactiveResult Refused(ReachProblem problem, ConversationRecord? conversation) =>
        new() { Outcome = ProactiveOutcome.Refused, Problem = problem, ConversationId = conversation?.Id, CustomerId = conversation?.CustomerId };

    public static ProactiveResult NoConversation(string conversationId) =>
        new() { Outcome = ProactiveOutcome.NoConversation, ConversationId = conversationId };
}
