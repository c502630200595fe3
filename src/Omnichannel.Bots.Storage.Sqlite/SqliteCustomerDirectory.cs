using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// <see cref="ICustomerDirectory"/> on SQLite, in one read: the latest name a channel gave, the identity keys in the
/// order they were linked (with provenance), and the channels of the customer's conversations, most recently active first.
/// </summary>
public sealed class SqliteCustomerDirectory : ICustomerDirectory
{
    private const string SelectCustomer = "SELECT name, created_at FROM customers WHERE id = @p1";

    private const string SelectIdentities =
        "SELECT identity_key, provenance, vouched_by, created_at FROM customer_identities WHERE customer_id = @p1 ORDER BY created_at, identity_key";

    private const string SelectChannels =
        "SELECT channel FROM conversations WHERE customer_id = @p1 GROUP BY channel ORDER BY MAX(last_activity_at) DESC, channel";

    private readonly SqliteDatabase _database;

    public SqliteCustomerDirectory(SqliteDatabase database)
    {
        _database = database;
    }

    public Task<CustomerProfile?> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => Get(db, customerId)));
    }

    private static CustomerProfile? Get(StatementCache db, string customerId)
    {
        string? name;
        DateTimeOffset createdAt;
        using (var reader = db.Query(SelectCustomer, customerId))
        {
            if (!reader.Read())
            {
                return null;
            }

            name = reader.IsDBNull(0) ? null : reader.GetString(0);
            createdAt = UnixTime.From(reader.GetInt64(1));
        }

        var identities = new List<IdentityLink>();
        using (var reader = db.Query(SelectIdentities, customerId))
        {
            while (reader.Read())
            {
                identities.Add(new IdentityLink(
                    reader.GetString(0),
                    IdentityProvenanceText.Parse(reader.IsDBNull(1) ? null : reader.GetString(1)),
                    reader.IsDBNull(2) ? null : new ChannelId(reader.GetString(2)),
                    UnixTime.From(reader.GetInt64(3))));
            }
        }

        var channels = new List<ChannelId>();
        using (var reader = db.Query(SelectChannels, customerId))
        {
            while (reader.Read())
            {
                channels.Add(new ChannelId(reader.GetString(0)));
            }
        }

        return new CustomerProfile(customerId, name, identities, channels, createdAt);
    }
}
