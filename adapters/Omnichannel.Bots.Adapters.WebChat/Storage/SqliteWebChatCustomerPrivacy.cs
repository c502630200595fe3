using System.Text.Json;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Web chat's share of a customer's export and erasure: the activity logs (the widget's history: every activity the
/// customer and the bot exchanged) of their web chat conversations and of any Direct Line conversation their web chat
/// user started, with the logs' entries.
/// </summary>
public sealed class SqliteWebChatCustomerPrivacy : ISqliteCustomerPrivacy
{
    private const string Logs =
        "SELECT id FROM activity_logs WHERE id IN (SELECT external_id FROM conversations WHERE customer_id = @p1 AND channel = 'webchat') "
        + "OR 'webchat:' || owner_id IN (SELECT identity_key FROM customer_identities WHERE customer_id = @p1)";

    private const string SelectLogs = "SELECT * FROM activity_logs WHERE id IN (" + Logs + ") ORDER BY created_at, id";
    private const string SelectEntries = "SELECT * FROM activity_log_entries WHERE log_id IN (" + Logs + ") ORDER BY seq";
    private const string DeleteEntries = "DELETE FROM activity_log_entries WHERE log_id IN (" + Logs + ")";
    private const string DeleteLogs = "DELETE FROM activity_logs WHERE id IN (" + Logs + ")";

    public string Feature => SqliteWebChatSchema.Feature;

    public void Export(StatementCache db, string customerId, Utf8JsonWriter json) =>
        SqliteRowsJson.WriteTables(db, json, customerId, ("activity_logs", SelectLogs), ("activity_log_entries", SelectEntries));

    public int Erase(StatementCache db, string customerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Execute(DeleteEntries, customerId) + db.Execute(DeleteLogs, customerId);
    }
}
