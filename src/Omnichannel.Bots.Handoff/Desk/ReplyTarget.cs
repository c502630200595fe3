namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// Where an agent's reply goes (the channel the customer wrote on last) and, when it cannot go, why: the core
/// reachability policy's reason in words (<see cref="Problem"/>) and its kind (<see cref="ProblemKind"/>: no adapter,
/// the chat blocked the bot, opted out, reply window closed).
/// </summary>
public sealed record ReplyTarget(string Channel, string ConversationId, bool CanReply, string? Problem)
{
    public ReachProblemKind? ProblemKind { get; init; }
}
