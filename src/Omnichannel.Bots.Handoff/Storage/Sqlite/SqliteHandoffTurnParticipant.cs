using Omnichannel.Bots.Handoff.Signals;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>
/// Handoff's share of the turn commit on SQLite. Folds the turn's message, insights and replies into the customer's
/// <see cref="JourneyFacts"/> (one read and one upsert by primary key). When the turn handed its conversation to people
/// (<see cref="TurnCommit.Handoff"/>, replies not dropped), files the customer's ticket in the turn's transaction. The
/// core has already made the conversation <c>queued</c> (one owner-epoch step). A customer has at most one open
/// ticket: when one is already queued or assigned (on another of their conversations), no second ticket is made and
/// the conversation joins the open one, owned like it (<c>agent</c> when assigned, in the same epoch step).
/// </summary>
public sealed class SqliteHandoffTurnParticipant : ISqliteTurnParticipant
{
    private const string SelectOpenTicketStatus = "SELECT status FROM handoff_requests WHERE customer_id = @p1 AND status IN ('queued', 'assigned')";

    private const string InsertHandoff =
        "INSERT INTO handoff_requests (conversation_id, customer_id, inbox_seq, reason, requested_at, queue, priority, rule, rule_source, status, queued_at, webhook_status, webhook_next_at) " +
        "VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, 'queued', @p5, 'pending', @p5)";

    /// <summary>Only a conversation the core handed over in this commit (its epoch one past the turn's) joins an assigned ticket.</summary>
    private const string JoinAssigned = "UPDATE conversations SET owner = 'agent' WHERE id = @p1 AND owner = 'queued' AND owner_epoch = @p2";

    public void Write(StatementCache db, SqliteTurnWrite turn)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(turn);
        var commit = turn.Commit;
        var entry = commit.Inbound;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(turn.At);
        var facts = JourneyRows.Load(db, entry.CustomerId)
            .AfterInbound(at, commit.Insights, commit.Insights.Entities.Select(HandoffSignals.AmountOf).OfType<decimal>());
        if (!turn.RepliesDropped && commit.Replies.Count > 0)
        {
            facts = facts.AfterOutbound(at, entry.ConversationId, commit.Record<JourneyTurn>()?.Clarify, asksRating: false);
        }

        JourneyRows.Save(db, entry.CustomerId, facts);
        if (commit.Handoff is not { } handoff || turn.RepliesDropped)
        {
            return;
        }

        var open = db.Scalar<string>(SelectOpenTicketStatus, entry.CustomerId);
        if (open is null)
        {
            db.Execute(
                InsertHandoff,
                entry.ConversationId,
                entry.CustomerId,
                entry.Sequence,
                handoff.Reason,
                turn.At,
                string.IsNullOrWhiteSpace(handoff.Queue) ? HandoffRequest.DefaultQueue : handoff.Queue,
                (long)handoff.Priority,
                handoff.Rule,
                handoff.RuleSource);
        }
        else if (open == "assigned")
        {
            db.Execute(JoinAssigned, entry.ConversationId, commit.ExpectedOwnerEpoch + 1);
        }
    }
}
