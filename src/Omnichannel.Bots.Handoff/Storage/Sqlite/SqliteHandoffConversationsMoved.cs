using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>
/// Handoff's share of an agent's unlink: the tickets filed on the conversations that moved to a new customer (with their
/// notes, ratings and webhook state, which hang on the ticket) belong to that customer. The one-open-ticket rule holds:
/// the new customer had no ticket, and the old one had at most one open. Journey facts stay with the old customer.
/// </summary>
internal sealed class SqliteHandoffConversationsMoved : ISqliteConversationsMoved
{
    private const string FollowTickets =
        "UPDATE handoff_requests SET customer_id = @p2 WHERE customer_id = @p1 AND conversation_id IN (SELECT id FROM conversations WHERE customer_id = @p2)";

    public void Follow(StatementCache db, string fromCustomerId, string toCustomerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Execute(FollowTickets, fromCustomerId, toCustomerId);
    }
}
