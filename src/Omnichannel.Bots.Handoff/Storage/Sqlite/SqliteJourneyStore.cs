using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>A customer's journey facts and latest ticket on SQLite, in one statement (by primary key and index).</summary>
public sealed class SqliteJourneyStore : IJourneyStore
{
    private readonly SqliteDatabase _database;

    public SqliteJourneyStore(SqliteDatabase database)
    {
        _database = database;
    }

    public Task<JourneyFacts> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db =>
        {
            using var reader = db.Query(JourneyRows.SelectWithLatestTicket, customerId);
            if (!reader.Read())
            {
                return JourneyFacts.Empty;
            }

            var facts = JourneyRows.Facts(reader);
            return reader.IsDBNull(JourneyRows.TicketOrdinal) ? facts : facts with { LatestTicket = HandoffRows.Ticket(reader, JourneyRows.TicketOrdinal) };
        }));
    }
}
