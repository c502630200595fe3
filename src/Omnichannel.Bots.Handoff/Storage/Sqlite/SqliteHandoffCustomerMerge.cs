using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>
/// Handoff's share of merging two customers: their tickets (with notes, ratings and webhook state) and journey facts move
/// to the customer that stays. Conflict rules: a customer has at most one open ticket, so when both have one, the ticket
/// an agent already holds stays open (both or neither assigned: the older one) and the other is closed as resolved, with
/// a note on the open ticket saying which ticket joined it and why; the customer's conversations not with the bot then
/// belong to the open ticket (agent-owned when it is assigned). Of two journey-fact rows, the one with the latest message wins.
/// </summary>
internal sealed class SqliteHandoffCustomerMerge : ISqliteCustomerMerge
{
    private const string SelectOpenTicket =
        "SELECT id, status FROM handoff_requests WHERE customer_id = @p1 AND status IN ('queued', 'assigned')";

    private const string CloseTicket = "UPDATE handoff_requests SET status = 'resolved', closed_at = @p2 WHERE id = @p1";

    private const string InsertNote = "INSERT INTO handoff_notes (handoff_id, agent_id, text, created_at) VALUES (@p1, @p2, @p3, @p4)";

    // The conversations of both customers a queued ticket held join the assigned ticket that stays open.
    private const string JoinAssigned =
        "UPDATE conversations SET owner = 'agent', owner_epoch = owner_epoch + 1 WHERE owner = 'queued' AND customer_id IN (@p1, @p2)";

    private const string MoveTickets = "UPDATE handoff_requests SET customer_id = @p2 WHERE customer_id = @p1";
    private const string SelectLastMessage = "SELECT last_message_at FROM journeys WHERE customer_id = @p1";
    private const string DeleteJourney = "DELETE FROM journeys WHERE customer_id = @p1";
    private const string MoveJourney = "UPDATE journeys SET customer_id = @p2 WHERE customer_id = @p1";

    /// <summary>The author of the note a merge leaves on the ticket that stays open.</summary>
    public const string MergeNoteAuthor = "system";

    public void Merge(StatementCache db, CustomerMerge merge)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(merge);
        var (from, into) = (merge.FromCustomerId, merge.IntoCustomerId);
        var at = UnixTime.Of(merge.At);
        if (OpenTicket(db, from) is { } fromTicket && OpenTicket(db, into) is { } intoTicket)
        {
            var fromStays = (fromTicket.Assigned && !intoTicket.Assigned) || (fromTicket.Assigned == intoTicket.Assigned && fromTicket.Id < intoTicket.Id);
            var (kept, closed) = fromStays ? (fromTicket, intoTicket) : (intoTicket, fromTicket);
            db.Execute(CloseTicket, closed.Id, at);
            db.Execute(InsertNote, kept.Id, MergeNoteAuthor, $"Ticket #{closed.Id} joined this one: the customers were merged ({merge.Reason}).", at);
            if (kept.Assigned)
            {
                db.Execute(JoinAssigned, from, into);
            }
        }

        db.Execute(MoveTickets, from, into);
        MergeJourneys(db, from, into);
    }

    private static (long Id, bool Assigned)? OpenTicket(StatementCache db, string customerId)
    {
        using var reader = db.Query(SelectOpenTicket, customerId);
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1) == "assigned") : null;
    }

    private static void MergeJourneys(StatementCache db, string from, string into)
    {
        var fromLast = db.Scalar<long?>(SelectLastMessage, from);
        if (fromLast is null)
        {
            return;
        }

        var intoLast = db.Scalar<long?>(SelectLastMessage, into);
        if (intoLast is not null)
        {
            db.Execute(DeleteJourney, fromLast > intoLast ? into : from);
            if (intoLast >= fromLast)
            {
                return;
            }
        }

        db.Execute(MoveJourney, from, into);
    }
}
