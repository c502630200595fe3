using System.Text.Json;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The core tables' share of a customer's export and erasure: the customer, their identity keys, conversations, inbox
/// rows (payload and raw provider body included), transcript, dialog state, outbox and the delivery reports of their
/// outbound messages, and the identity graph's history (the merges into or out of them, the unlinks of their keys or
/// that moved a key to them, so no merged-away id or unlinked key of theirs is left). A row belongs to the customer by its <c>customer_id</c> or by one of their conversations (so rows
/// a merge or unlink left under the other id go too). Erased after every feature (their rows refer to these).
/// </summary>
public sealed class SqliteCoreCustomerPrivacy : ISqliteCustomerPrivacy
{
    private const string Conversations = "SELECT id FROM conversations WHERE customer_id = @p1";

    private const string Outbox = "SELECT id FROM outbox WHERE conversation_id IN (" + Conversations + ")";

    private const string OutboxProviderIds =
        "SELECT provider_message_id FROM outbox WHERE conversation_id IN (" + Conversations + ") AND provider_message_id IS NOT NULL";

    private const string DeliveryReportsWhere =
        " WHERE outbox_id IN (" + Outbox + ") OR (outbox_id IS NULL AND provider_message_id IN (" + OutboxProviderIds + "))";

    private const string SelectCustomer = "SELECT * FROM customers WHERE id = @p1";
    private const string SelectIdentities = "SELECT * FROM customer_identities WHERE customer_id = @p1 ORDER BY created_at, identity_key";
    private const string SelectConversations = "SELECT * FROM conversations WHERE customer_id = @p1 ORDER BY created_at, id";
    private const string SelectInbox = "SELECT * FROM inbox WHERE customer_id = @p1 OR conversation_id IN (" + Conversations + ") ORDER BY seq";
    private const string SelectMessages = "SELECT * FROM messages WHERE customer_id = @p1 OR conversation_id IN (" + Conversations + ") ORDER BY id";
    private const string SelectDialogState = "SELECT * FROM dialog_state WHERE customer_id = @p1 ORDER BY dialog_id";
    private const string SelectOutbox = "SELECT * FROM outbox WHERE conversation_id IN (" + Conversations + ") ORDER BY id";
    private const string SelectDeliveryReports = "SELECT * FROM delivery_reports" + DeliveryReportsWhere + " ORDER BY id";

    private const string SelectMerges = "SELECT * FROM customer_merges WHERE into_customer_id = @p1 OR from_customer_id = @p1 ORDER BY id";
    private const string SelectUnlinks = "SELECT * FROM customer_unlinks WHERE customer_id = @p1 OR moved_to_customer_id = @p1 ORDER BY id";

    private const string DeleteMerges = "DELETE FROM customer_merges WHERE into_customer_id = @p1 OR from_customer_id = @p1";
    private const string DeleteUnlinks = "DELETE FROM customer_unlinks WHERE customer_id = @p1 OR moved_to_customer_id = @p1";
    private const string DeleteDeliveryReports = "DELETE FROM delivery_reports" + DeliveryReportsWhere;
    private const string DeleteOutbox = "DELETE FROM outbox WHERE conversation_id IN (" + Conversations + ")";
    private const string DeleteMessages = "DELETE FROM messages WHERE customer_id = @p1 OR conversation_id IN (" + Conversations + ")";
    private const string DeleteInbox = "DELETE FROM inbox WHERE customer_id = @p1 OR conversation_id IN (" + Conversations + ")";
    private const string DeleteDialogState = "DELETE FROM dialog_state WHERE customer_id = @p1";
    private const string DeleteConversations = "DELETE FROM conversations WHERE customer_id = @p1";
    private const string DeleteIdentities = "DELETE FROM customer_identities WHERE customer_id = @p1";
    private const string DeleteCustomer = "DELETE FROM customers WHERE id = @p1";

    public string Feature => SqliteSchema.CoreFeature;

    public void Export(StatementCache db, string customerId, Utf8JsonWriter json) => SqliteRowsJson.WriteTables(
        db,
        json,
        customerId,
        ("customers", SelectCustomer),
        ("customer_identities", SelectIdentities),
        ("conversations", SelectConversations),
        ("inbox", SelectInbox),
        ("messages", SelectMessages),
        ("dialog_state", SelectDialogState),
        ("outbox", SelectOutbox),
        ("delivery_reports", SelectDeliveryReports),
        ("customer_merges", SelectMerges),
        ("customer_unlinks", SelectUnlinks));

    public int Erase(StatementCache db, string customerId)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Children before their parents (foreign keys are on).
        return db.Execute(DeleteMerges, customerId)
            + db.Execute(DeleteUnlinks, customerId)
            + db.Execute(DeleteDeliveryReports, customerId)
            + db.Execute(DeleteOutbox, customerId)
            + db.Execute(DeleteMessages, customerId)
            + db.Execute(DeleteInbox, customerId)
            + db.Execute(DeleteDialogState, customerId)
            + db.Execute(DeleteConversations, customerId)
            + db.Execute(DeleteIdentities, customerId)
            + db.Execute(DeleteCustomer, customerId);
    }
}
