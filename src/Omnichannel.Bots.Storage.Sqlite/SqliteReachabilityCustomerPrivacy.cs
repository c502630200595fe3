using System.Text.Json;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>The reachability table's share of a customer's export and erasure: the opt-out and unreachable marks of their conversations.</summary>
public sealed class SqliteReachabilityCustomerPrivacy : ISqliteCustomerPrivacy
{
    private const string Conversations = "SELECT id FROM conversations WHERE customer_id = @p1";
    private const string Select = "SELECT * FROM conversation_reach WHERE conversation_id IN (" + Conversations + ") ORDER BY conversation_id";
    private const string Delete = "DELETE FROM conversation_reach WHERE conversation_id IN (" + Conversations + ")";

    public string Feature => SqliteReachabilitySchema.Feature;

    public void Export(StatementCache db, string customerId, Utf8JsonWriter json) =>
        SqliteRowsJson.WriteTables(db, json, customerId, ("conversation_reach", Select));

    public int Erase(StatementCache db, string customerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Execute(Delete, customerId);
    }
}
