using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// A feature's share of merging two customers on SQLite: called inside the merge's one transaction, it moves the
/// feature's rows of <see cref="CustomerMerge.FromCustomerId"/> to <see cref="CustomerMerge.IntoCustomerId"/> without
/// losing any, resolving the feature's own conflicts (two rows where one may exist) by a rule its type documents.
/// Register with <c>TryAddEnumerable</c>.
/// </summary>
public interface ISqliteCustomerMerge
{
    /// <summary>Moves the feature's rows of the merged-away customer to the one that stays.</summary>
    void Merge(StatementCache db, CustomerMerge merge);
}
