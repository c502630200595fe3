using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The core tables' share of a merge: identities, conversations, inbox rows, the transcript, earlier merges and unlinks
/// move to the customer that stays (the outbox, delivery reports and reachability follow their conversations). Conflict
/// rules: the name is the one a channel gave last; of two dialog states of the same dialog, the one written last wins
/// (the dialog the person was actually in) and gets a version above both, so a turn still running on the other one
/// conflicts and runs again.
/// </summary>
internal sealed class SqliteCoreCustomerMerge : ISqliteCustomerMerge
{
    private const string SelectName = "SELECT name, name_at FROM customers WHERE id = @p1";
    private const string TakeName = "UPDATE customers SET name = @p2, name_at = @p3 WHERE id = @p1";
    private const string MoveIdentities = "UPDATE customer_identities SET customer_id = @p2 WHERE customer_id = @p1";
    private const string MoveConversations = "UPDATE conversations SET customer_id = @p2 WHERE customer_id = @p1";
    private const string MoveInbox = "UPDATE inbox SET customer_id = @p2 WHERE customer_id = @p1";
    private const string MoveMessages = "UPDATE messages SET customer_id = @p2 WHERE customer_id = @p1";
    private const string MoveMerges = "UPDATE customer_merges SET into_customer_id = @p2 WHERE into_customer_id = @p1";
    private const string MoveUnlinks = "UPDATE customer_unlinks SET customer_id = @p2 WHERE customer_id = @p1";
    private const string SelectStates = "SELECT dialog_id, state, version, updated_at FROM dialog_state WHERE customer_id = @p1";
    private const string SelectState = "SELECT version, updated_at FROM dialog_state WHERE customer_id = @p1 AND dialog_id = @p2";
    private const string MoveState = "UPDATE dialog_state SET customer_id = @p2 WHERE customer_id = @p1 AND dialog_id = @p3";
    private const string DeleteState = "DELETE FROM dialog_state WHERE customer_id = @p1 AND dialog_id = @p2";

    private const string ReplaceState =
        "UPDATE dialog_state SET state = @p3, version = @p4, updated_at = @p5 WHERE customer_id = @p1 AND dialog_id = @p2";

    public void Merge(StatementCache db, CustomerMerge merge)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(merge);
        var (from, into) = (merge.FromCustomerId, merge.IntoCustomerId);
        MergeName(db, from, into);
        MergeDialogStates(db, from, into);
        db.Execute(MoveIdentities, from, into);
        db.Execute(MoveConversations, from, into);
        db.Execute(MoveInbox, from, into);
        db.Execute(MoveMessages, from, into);
        db.Execute(MoveMerges, from, into);
        db.Execute(MoveUnlinks, from, into);
    }

    private static void MergeName(StatementCache db, string from, string into)
    {
        var (fromName, fromAt) = Name(db, from);
        var (_, intoAt) = Name(db, into);
        if (fromName is not null && fromAt > (intoAt ?? long.MinValue))
        {
            db.Execute(TakeName, into, fromName, fromAt);
        }
    }

    private static (string? Name, long? At) Name(StatementCache db, string customerId)
    {
        using var reader = db.Query(SelectName, customerId);
        return reader.Read() && !reader.IsDBNull(0) ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)) : (null, null);
    }

    private static void MergeDialogStates(StatementCache db, string from, string into)
    {
        var states = new List<(string DialogId, string State, long Version, long UpdatedAt)>();
        using (var reader = db.Query(SelectStates, from))
        {
            while (reader.Read())
            {
                states.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        foreach (var state in states)
        {
            long? kept = null;
            long keptAt = 0;
            using (var reader = db.Query(SelectState, into, state.DialogId))
            {
                if (reader.Read())
                {
                    kept = reader.GetInt64(0);
                    keptAt = reader.GetInt64(1);
                }
            }

            if (kept is null)
            {
                db.Execute(MoveState, from, into, state.DialogId);
                continue;
            }

            if (state.UpdatedAt > keptAt)
            {
                db.Execute(ReplaceState, into, state.DialogId, state.State, Math.Max(kept.Value, state.Version) + 1, state.UpdatedAt);
            }

            db.Execute(DeleteState, from, state.DialogId);
        }
    }
}
