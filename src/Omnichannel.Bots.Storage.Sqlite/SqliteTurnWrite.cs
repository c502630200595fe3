namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>What a turn commit wrote, for the <see cref="ISqliteTurnParticipant"/>s that add their rows to it.</summary>
/// <param name="Commit">The turn's commit, with the features' <see cref="TurnCommit.Records"/>.</param>
/// <param name="Outbox">The outbox rows queued for the replies (empty when <paramref name="RepliesDropped"/>).</param>
/// <param name="RepliesDropped">The conversation changed owner after the turn read it: its replies were not queued.</param>
/// <param name="At">The commit's time, as stored (Unix milliseconds).</param>
public sealed record SqliteTurnWrite(TurnCommit Commit, IReadOnlyList<OutboxEntry> Outbox, bool RepliesDropped, long At);
