using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The identity graph's writes, inside a caller's write (the inbox's append, <see cref="SqliteCustomerLinks"/>): every
/// link records its provenance, and a key already held by another customer proves the two are one person, so they are
/// merged. The merge rule: the customer created first stays (on a tie, the smaller id) and receives everything of the
/// other; every <see cref="ISqliteCustomerMerge"/> moves its rows in the same transaction, then the merge is recorded in
/// <c>customer_merges</c> and the other customer's row is deleted (a row a feature failed to move fails the merge on
/// its foreign key, and the transaction rolls back).
/// </summary>
internal static class SqliteIdentityGraph
{
    private const string SelectHolder = "SELECT customer_id FROM customer_identities WHERE identity_key = @p1";

    private const string InsertIdentity =
        "INSERT INTO customer_identities (identity_key, customer_id, created_at, provenance, vouched_by) VALUES (@p1, @p2, @p3, @p4, @p5)";

    // The first verification of a key is the one kept; a key linked before provenance was recorded gets this one.
    private const string FillProvenance =
        "UPDATE customer_identities SET provenance = @p2, vouched_by = @p3 WHERE identity_key = @p1 AND provenance IS NULL";

    private const string SelectCustomer = "SELECT created_at FROM customers WHERE id = @p1";
    private const string SelectMergedInto = "SELECT into_customer_id FROM customer_merges WHERE from_customer_id = @p1";
    private const string InsertCustomer = "INSERT INTO customers (id, created_at) VALUES (@p1, @p2)";

    private const string InsertMerge =
        "INSERT INTO customer_merges (from_customer_id, into_customer_id, reason, merged_at) VALUES (@p1, @p2, @p3, @p4)";

    private const string DeleteCustomer = "DELETE FROM customers WHERE id = @p1";

    /// <summary>
    /// The customer <paramref name="customerId"/> is now: itself while it exists, the customer it was merged into
    /// after a merge (merges are kept flat: <c>into_customer_id</c> always names a customer that exists or was erased),
    /// null when there is no such customer.
    /// </summary>
    public static string? Resolve(StatementCache db, string customerId)
    {
        if (db.Scalar<long?>(SelectCustomer, customerId) is not null)
        {
            return customerId;
        }

        var into = db.Scalar<string>(SelectMergedInto, customerId);
        return into is not null && db.Scalar<long?>(SelectCustomer, into) is not null ? into : null;
    }

    /// <summary>The customer holding <paramref name="key"/>; null when nobody does.</summary>
    public static string? Holder(StatementCache db, string key) => db.Scalar<string>(SelectHolder, key);

    /// <summary>A new customer with no identities yet.</summary>
    public static string NewCustomer(StatementCache db, long now)
    {
        var customerId = SqliteConversations.NewId("cus");
        db.Execute(InsertCustomer, customerId, now);
        return customerId;
    }

    /// <summary>
    /// Links <paramref name="claim"/>'s key to <paramref name="customerId"/> (which must exist) with its provenance;
    /// when another customer holds it, the two are merged (see the type's rule) and the key is the survivor's.
    /// </summary>
    public static LinkResult Link(StatementCache db, string customerId, IdentityClaim claim, long now, IReadOnlyList<ISqliteCustomerMerge> merges)
    {
        var provenance = IdentityProvenanceText.Of(claim.Provenance);
        var holder = Holder(db, claim.Key);
        if (holder is null)
        {
            db.Execute(InsertIdentity, claim.Key, customerId, now, provenance, claim.VouchedBy.Value);
            return new LinkResult(customerId, null);
        }

        CustomerMerge? merge = null;
        if (holder != customerId)
        {
            merge = Merge(db, holder, customerId, $"{claim.Key} ({provenance}, vouched by {claim.VouchedBy.Value})", now, merges);
        }

        db.Execute(FillProvenance, claim.Key, provenance, claim.VouchedBy.Value);
        return new LinkResult(merge?.IntoCustomerId ?? customerId, merge);
    }

    /// <summary>Merges two existing customers into the one created first; returns the recorded merge.</summary>
    public static CustomerMerge Merge(StatementCache db, string first, string second, string reason, long now, IReadOnlyList<ISqliteCustomerMerge> merges)
    {
        var firstCreated = db.Scalar<long?>(SelectCustomer, first) ?? throw new InvalidOperationException($"Customer {first} does not exist.");
        var secondCreated = db.Scalar<long?>(SelectCustomer, second) ?? throw new InvalidOperationException($"Customer {second} does not exist.");
        var firstStays = firstCreated < secondCreated || (firstCreated == secondCreated && string.CompareOrdinal(first, second) < 0);
        var merge = firstStays
            ? new CustomerMerge(second, first, reason, UnixTime.From(now))
            : new CustomerMerge(first, second, reason, UnixTime.From(now));
        foreach (var participant in merges)
        {
            participant.Merge(db, merge);
        }

        db.Execute(InsertMerge, merge.FromCustomerId, merge.IntoCustomerId, merge.Reason, now);
        db.Execute(DeleteCustomer, merge.FromCustomerId);
        return merge;
    }
}
