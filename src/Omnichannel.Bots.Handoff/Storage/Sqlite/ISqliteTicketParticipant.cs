using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>
/// A feature's share of the desk's changes to a ticket on SQLite (claimed, re-queued, an agent's message, closed,
/// rated): called inside the change's transaction, after the ticket's row changed, so the feature's rows (journey
/// events) commit or roll back with it. A turn's handoff is seen by <see cref="ISqliteTurnParticipant"/> instead.
/// Keep it to a few indexed statements: it runs on the single writer. Register with <c>TryAddEnumerable</c>.
/// </summary>
public interface ISqliteTicketParticipant
{
    /// <summary>Writes the feature's rows for a ticket change just made in the same transaction.</summary>
    void Write(StatementCache db, TicketChange change);
}
