using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>What a committed turn did: its status, the replies as rendered for the channel, and any handoff.</summary>
public sealed record TurnOutcome(
    long Sequence,
    TurnStatus Status,
    IReadOnlyList<BotMessage> Replies,
    HandoffRequest? Handoff,
    string? Error)
{
    /// <summary>True when the conversation changed owner while the turn ran, so its replies were not queued.</summary>
    public bool RepliesDropped { get; init; }

    /// <summary>True when the message had been received before; no turn ran.</summary>
    public bool IsDuplicate { get; init; }

    internal static TurnOutcome Duplicate { get; } = new(0, TurnStatus.Recorded, [], null, null) { IsDuplicate = true };
}
