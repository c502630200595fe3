using System.Text.Json;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The link codes' share of a customer's merge, export and erasure. Merge: the merged-away customer's codes become the
/// remaining customer's (no conflicts: a code belongs to one customer, and either customer's codes still link to the
/// one that stays). Export: the codes given to them (when, where, for which channel, used or not; never a hash) and the
/// wrong codes their channel keys sent. Erase: both.
/// </summary>
public sealed class SqliteLinkCodeCustomerData : ISqliteCustomerMerge, ISqliteCustomerPrivacy
{
    private const string MoveCodes = "UPDATE identity_link_codes SET customer_id = @p2 WHERE customer_id = @p1";

    private const string SelectCodes =
        "SELECT issued_on, target, issued_at, expires_at, used_at, used_by FROM identity_link_codes WHERE customer_id = @p1 ORDER BY issued_at";

    private const string CustomerKeys = "SELECT identity_key FROM customer_identities WHERE customer_id = @p1";

    private const string SelectFailures =
        "SELECT sender_key, at FROM identity_link_failures WHERE sender_key IN (" + CustomerKeys + ") ORDER BY at";

    private const string DeleteCodes = "DELETE FROM identity_link_codes WHERE customer_id = @p1 OR used_by IN (" + CustomerKeys + ")";

    private const string DeleteFailures = "DELETE FROM identity_link_failures WHERE sender_key IN (" + CustomerKeys + ")";

    public string Feature => SqliteLinkCodeSchema.Feature;

    public void Merge(StatementCache db, CustomerMerge merge)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(merge);
        db.Execute(MoveCodes, merge.FromCustomerId, merge.IntoCustomerId);
    }

    public void Export(StatementCache db, string customerId, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteStartArray("codes");
        using (var reader = db.Query(SelectCodes, customerId))
        {
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("issuedOn", reader.GetString(0));
                json.WriteString("target", reader.GetString(1));
                json.WriteString("issuedAt", UnixTime.From(reader.GetInt64(2)));
                json.WriteString("expiresAt", UnixTime.From(reader.GetInt64(3)));
                if (!reader.IsDBNull(4))
                {
                    json.WriteString("usedAt", UnixTime.From(reader.GetInt64(4)));
                    json.WriteString("usedBy", reader.GetString(5));
                }

                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("wrongCodes");
        using (var reader = db.Query(SelectFailures, customerId))
        {
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("senderKey", reader.GetString(0));
                json.WriteString("at", UnixTime.From(reader.GetInt64(1)));
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public int Erase(StatementCache db, string customerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Execute(DeleteFailures, customerId) + db.Execute(DeleteCodes, customerId);
    }
}
