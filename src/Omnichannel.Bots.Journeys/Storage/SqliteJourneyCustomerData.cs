using System.Text.Json;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Journeys.Storage;

/// <summary>
/// The journey events of a customer in merges, exports and erasures. A merge moves the merged-away customer's events
/// to the one that stays: the two logs interleave by their ids (commit order) and journeys are recomputed from the
/// merged log, so there is no conflict to resolve.
/// </summary>
public sealed class SqliteJourneyCustomerData : ISqliteCustomerMerge, ISqliteCustomerPrivacy
{
    private const string MoveEvents = "UPDATE journey_events SET customer_id = @p2 WHERE customer_id = @p1";
    private const string DeleteEvents = "DELETE FROM journey_events WHERE customer_id = @p1";

    public string Feature => SqliteJourneysSchema.Feature;

    public void Merge(StatementCache db, CustomerMerge merge)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(merge);
        db.Execute(MoveEvents, merge.FromCustomerId, merge.IntoCustomerId);
    }

    public void Export(StatementCache db, string customerId, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteStartArray("events");
        foreach (var e in JourneyEventRows.Read(db, JourneyEventRows.SelectForCustomer, customerId))
        {
            json.WriteStartObject();
            json.WriteNumber("id", e.Id);
            json.WriteString("at", e.At);
            json.WriteString("kind", JourneyEventKinds.Text(e.Kind));
            WriteIfSet(json, "channel", e.Channel);
            if (e.TicketId is { } ticket)
            {
                json.WriteNumber("ticketId", ticket);
            }

            WriteIfSet(json, "agentId", e.AgentId);
            WriteIfSet(json, "slot", e.Slot);
            if (e.Score is { } score)
            {
                json.WriteNumber("score", score);
            }

            json.WriteNumber("count", e.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public int Erase(StatementCache db, string customerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Execute(DeleteEvents, customerId);
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
