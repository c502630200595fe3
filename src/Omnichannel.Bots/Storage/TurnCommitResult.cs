namespace Omnichannel.Bots.Storage;

/// <summary>
/// What a commit stored. <see cref="RepliesDropped"/> is true when the conversation changed owner after the turn
/// read it: the replies were not queued. <see cref="StateConflict"/> is true when another writer changed the dialog
/// state first: nothing was written and the turn must run again.
/// </summary>
public sealed record TurnCommitResult(IReadOnlyList<OutboxEntry> Outbox, bool RepliesDropped, bool StateConflict);
