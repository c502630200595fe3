namespace Omnichannel.Bots.Storage;

/// <summary>
/// A feature's typed value for the turn commit (handoff's journey facts, for example): set during the turn with
/// <see cref="TurnContext.SetRecord{T}"/>, carried in <see cref="TurnCommit.Records"/>, and written by the feature's own
/// storage code in the same transaction as the turn. Derive a sealed record per concern; a turn holds at most one of
/// each type.
/// </summary>
public abstract record TurnRecord;
