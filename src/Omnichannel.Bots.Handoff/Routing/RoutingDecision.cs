namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// The outcome of routing a turn, with its explanation: which rule fired (<see cref="Rule"/>, and where it is written:
/// <see cref="RuleSource"/> such as <c>handoff-rules.yaml:14</c>) and the conditions that held (<see cref="Because"/>).
/// </summary>
public sealed record RoutingDecision
{
    public static RoutingDecision Answer { get; } = new() { Action = RoutingAction.Answer };

    public required RoutingAction Action { get; init; }

    public string? Rule { get; init; }

    public string? RuleSource { get; init; }

    /// <summary>For <see cref="RoutingAction.Escalate"/>: the queue and priority.</summary>
    public string? Queue { get; init; }

    public HandoffPriority Priority { get; init; } = HandoffPriority.Normal;

    /// <summary>For <see cref="RoutingAction.Clarify"/>: the question, and the choices offered with it.</summary>
    public string? ClarifyText { get; init; }

    public IReadOnlyList<Choice> ClarifyChoices { get; init; } = [];

    /// <summary>The conditions that held, in words ("sentiment -0.72 below -0.5", "tier is vip").</summary>
    public IReadOnlyList<string> Because { get; init; } = [];
}
