using System.Text.Json;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>
/// Handoff's share of a customer's export and erasure: their tickets (with queue, agent, CSAT rating and webhook
/// delivery state), the agents' notes on them, and their journey facts. A ticket is theirs by its customer or by one
/// of their conversations.
/// </summary>
public sealed class SqliteHandoffCustomerPrivacy : ISqliteCustomerPrivacy
{
    private const string Tickets =
        "SELECT id FROM handoff_requests WHERE customer_id = @p1 OR conversation_id IN (SELECT id FROM conversations WHERE customer_id = @p1)";

    private const string SelectTickets = "SELECT * FROM handoff_requests WHERE id IN (" + Tickets + ") ORDER BY id";
    private const string SelectNotes = "SELECT * FROM handoff_notes WHERE handoff_id IN (" + Tickets + ") ORDER BY id";
    private const string SelectJourney = "SELECT * FROM journeys WHERE customer_id = @p1";

    private const string DeleteNotes = "DELETE FROM handoff_notes WHERE handoff_id IN (" + Tickets + ")";
    private const string DeleteTickets = "DELETE FROM handoff_requests WHERE id IN (" + Tickets + ")";
    private const string DeleteJourney = "DELETE FROM journeys WHERE customer_id = @p1";

    public string Feature => SqliteHandoffSchema.Feature;

    public void Export(StatementCache db, string customerId, Utf8JsonWriter json) =>
        SqliteRowsJson.WriteTables(db, json, customerId, ("handoff_requests", SelectTickets), ("handoff_notes", SelectNotes), ("journeys", SelectJourney));

    public int Erase(StatementCache db, string customerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Execute(DeleteNotes, customerId) + db.Execute(DeleteTickets, customerId) + db.Execute(DeleteJourney, customerId);
    }
}
