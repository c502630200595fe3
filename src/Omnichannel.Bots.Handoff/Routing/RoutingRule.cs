namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// One validated rule: its name and the line it is written on, the conditions that must all hold, and what it does
/// (<see cref="RoutingAction.Escalate"/> with an optional queue and priority, <see cref="RoutingAction.Clarify"/> with a
/// question, or <see cref="RoutingAction.Answer"/>: stop and let the bot answer).
/// </summary>
internal sealed record RoutingRule(string Name, int Line, IReadOnlyList<RoutingCondition> Conditions, RoutingAction Action)
{
    public string? Queue { get; init; }

    public HandoffPriority? Priority { get; init; }

    public string? ClarifyText { get; init; }

    public IReadOnlyList<Choice> ClarifyChoices { get; init; } = [];

    /// <summary>A rule with a condition known only after the dialog never matches before it.</summary>
    public bool AfterDialogOnly => Conditions.Any(c => c.AfterDialogOnly);
}
