using System.Text.Json;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The identity graph's history in a customer's export and erasure (feature <c>identity</c>): the merges into them
/// (with the ids merged away) and the unlinks of their keys, or that moved a key to them. Erasure deletes those rows, so
/// no merged-away id or unlinked key of theirs is left.
/// </summary>
internal sealed class SqliteIdentityHistoryPrivacy : ISqliteCustomerPrivacy
{
    private const string SelectMerges =
        "SELECT from_customer_id, into_customer_id, reason, merged_at FROM customer_merges WHERE into_customer_id = @p1 OR from_customer_id = @p1 ORDER BY id";

    private const string SelectUnlinks =
        "SELECT customer_id, identity_key, provenance, vouched_by, actor, moved_to_customer_id, unlinked_at FROM customer_unlinks " +
        "WHERE customer_id = @p1 OR moved_to_customer_id = @p1 ORDER BY id";

    private const string DeleteMerges = "DELETE FROM customer_merges WHERE into_customer_id = @p1 OR from_customer_id = @p1";
    private const string DeleteUnlinks = "DELETE FROM customer_unlinks WHERE customer_id = @p1 OR moved_to_customer_id = @p1";

    public string Feature => "identity";

    public void Export(StatementCache db, string customerId, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteStartArray("merges");
        using (var reader = db.Query(SelectMerges, customerId))
        {
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("from", reader.GetString(0));
                json.WriteString("into", reader.GetString(1));
                json.WriteString("reason", reader.GetString(2));
                json.WriteString("at", UnixTime.From(reader.GetInt64(3)));
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("unlinks");
        using (var reader = db.Query(SelectUnlinks, customerId))
        {
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("customer", reader.GetString(0));
                json.WriteString("key", reader.GetString(1));
                json.WriteString("provenance", reader.IsDBNull(2) ? null : reader.GetString(2));
                json.WriteString("vouchedBy", reader.IsDBNull(3) ? null : reader.GetString(3));
                json.WriteString("actor", reader.GetString(4));
                json.WriteString("movedTo", reader.IsDBNull(5) ? null : reader.GetString(5));
                json.WriteString("at", UnixTime.From(reader.GetInt64(6)));
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public int Erase(StatementCache db, string customerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Execute(DeleteMerges, customerId) + db.Execute(DeleteUnlinks, customerId);
    }
}
