namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// A feature's share of the turn commit on SQLite: called inside the turn's transaction, after the core rows
/// (inbox, transcript, outbox, dialog state, conversation) are written, so the feature's rows (web chat's activities,
/// handoff's journey facts) commit or roll back with the turn. Read the feature's typed values from
/// <see cref="TurnCommit.Records"/>. Keep it to a few indexed statements: it runs on the single writer. Register with
/// <c>TryAddEnumerable</c>.
/// </summary>
public interface ISqliteTurnParticipant
{
    /// <summary>Writes the feature's rows for a turn whose core rows were just written in the same transaction.</summary>
    /// <param name="db">The writer's statements, inside the turn's transaction.</param>
    /// <param name="turn">What the turn committed.</param>
    void Write(StatementCache db, SqliteTurnWrite turn);
}
