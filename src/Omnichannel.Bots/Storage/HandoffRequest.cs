using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots.Storage;

/// <summary>
/// A turn's request to move the conversation to a human queue. A dialog gives the <see cref="Reason"/>; the handoff
/// layer's routing fills in the queue, priority and the rule that fired (see <c>AddHandoff()</c>).
/// </summary>
public sealed record HandoffRequest(string Reason)
{
    /// <summary>The queue; null means the default queue (<see cref="DefaultQueue"/> unless the rules say otherwise).</summary>
    public string? Queue { get; init; }

    public HandoffPriority Priority { get; init; } = HandoffPriority.Normal;

    /// <summary>The routing rule that decided the handoff, and where it is written (<c>handoff-rules.yaml:12</c>).</summary>
    public string? Rule { get; init; }

    public string? RuleSource { get; init; }

    public const string DefaultQueue = "general";
}
