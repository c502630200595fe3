using Microsoft.Data.Sqlite;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Journeys.Storage;

/// <summary>Appends and reads rows of <c>journey_events</c> (inside the caller's read or write).</summary>
internal static class JourneyEventRows
{
    private const string Columns = "id, customer_id, at, kind, channel, ticket_id, agent_id, slot, score, count";

    private const string Insert =
        "INSERT INTO journey_events (customer_id, at, kind, channel, ticket_id, agent_id, slot, score, count) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)";

    /// <summary>Every event of the customers with an event in [@p1, @p2), by customer, in log order.</summary>
    public const string SelectCustomersActiveIn =
        "SELECT " + Columns + " FROM journey_events WHERE customer_id IN (SELECT customer_id FROM journey_events WHERE at >= @p1 AND at < @p2) ORDER BY customer_id, id";

    public const string SelectForCustomer = "SELECT " + Columns + " FROM journey_events WHERE customer_id = @p1 ORDER BY id";

    public static void Append(StatementCache db, string customerId, long at, JourneyEventKind kind, string? channel = null, long? ticketId = null, string? agentId = null, string? slot = null, int? score = null, int count = 1) =>
        db.Execute(Insert, customerId, at, JourneyEventKinds.Text(kind), channel, ticketId, agentId, slot, score, (long)count);

    public static List<JourneyEvent> Read(StatementCache db, string sql, params object?[] values)
    {
        var events = new List<JourneyEvent>();
        using var reader = db.Query(sql, values);
        while (reader.Read())
        {
            events.Add(Event(reader));
        }

        return events;
    }

    private static JourneyEvent Event(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        JourneyEventKinds.Parse(reader.GetString(3)))
    {
        Channel = reader.IsDBNull(4) ? null : reader.GetString(4),
        TicketId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
        AgentId = reader.IsDBNull(6) ? null : reader.GetString(6),
        Slot = reader.IsDBNull(7) ? null : reader.GetString(7),
        Score = reader.IsDBNull(8) ? null : reader.GetInt32(8),
        Count = reader.GetInt32(9),
    };
}
