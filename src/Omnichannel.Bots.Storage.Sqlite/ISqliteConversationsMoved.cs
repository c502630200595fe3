namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// A feature's share of an agent's unlink on SQLite: unlinking a channel key moves that sender's conversations to a new
/// customer (<see cref="SqliteCustomerLinks.UnlinkAsync"/>), and rows of the feature that belong to those conversations
/// follow them, inside the unlink's one transaction. Rows of the customer as a whole (dialog state, journey facts) stay.
/// Register with <c>TryAddEnumerable</c>.
/// </summary>
public interface ISqliteConversationsMoved
{
    /// <summary>
    /// Moves the feature's rows of <paramref name="fromCustomerId"/> that belong to a conversation now owned by
    /// <paramref name="toCustomerId"/> (the moved conversations are exactly those) to <paramref name="toCustomerId"/>.
    /// </summary>
    void Follow(StatementCache db, string fromCustomerId, string toCustomerId);
}
