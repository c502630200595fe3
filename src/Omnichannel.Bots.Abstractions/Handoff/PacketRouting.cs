namespace Omnichannel.Bots.Handoff;

/// <summary>Why the conversation was escalated: the reason in words, the rule that fired (from the rules file), the queue and priority.</summary>
public sealed record PacketRouting
{
    public required string Reason { get; init; }

    /// <summary>The name of the rule that fired; null when a dialog asked for the handoff and no rule matched.</summary>
    public string? Rule { get; init; }

    /// <summary>Where the rule is: <c>handoff-rules.yaml:12</c>.</summary>
    public string? RuleSource { get; init; }

    public required string Queue { get; init; }

    public required HandoffPriority Priority { get; init; }
}
