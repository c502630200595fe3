namespace Omnichannel.Bots.Storage;

/// <summary>
/// Everything one turn writes, committed in one transaction: the inbound message marked processed and written to
/// the transcript, the rendered replies to the transcript and the outbox, the dialog state, the conversation's
/// offered choices and owner. Either all of it is stored or none.
/// </summary>
public sealed record TurnCommit
{
    public required InboxEntry Inbound { get; init; }

    public required TurnStatus Status { get; init; }

    /// <summary>Why the turn failed, for <see cref="TurnStatus.Failed"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Replies as rendered for the channel, in order; each becomes a transcript row and an outbox row.</summary>
    public IReadOnlyList<BotMessage> Replies { get; init; } = [];

    /// <summary>The root dialog whose state is written; null leaves dialog state untouched.</summary>
    public string? DialogId { get; init; }

    /// <summary>The new state; null deletes the row (the journey's dialog ended).</summary>
    public string? DialogStateJson { get; init; }

    /// <summary>The <see cref="DialogStateRecord.Version"/> the turn read (0 when there was none).</summary>
    public long ExpectedStateVersion { get; init; }

    /// <summary>The choices offered by this turn's replies; null clears them.</summary>
    public OfferedChoices? OfferedChoices { get; init; }

    /// <summary>The owner epoch the turn read; if the owner changed meanwhile, the replies are dropped.</summary>
    public required long ExpectedOwnerEpoch { get; init; }

    public HandoffRequest? Handoff { get; init; }

    /// <summary>What the turn learned about the inbound message; stored with its transcript row.</summary>
    public TurnInsights Insights { get; init; } = TurnInsights.None;

    /// <summary>The features' typed values for this turn (at most one per type), written with it by their storage code.</summary>
    public IReadOnlyList<TurnRecord> Records { get; init; } = [];

    /// <summary>The turn's record of type <typeparamref name="T"/>, or null.</summary>
    public T? Record<T>()
        where T : TurnRecord => Records.OfType<T>().FirstOrDefault();
}
