using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Journeys.Storage;

/// <summary>
/// The journeys feature's share of the turn commit: appends the turn's journey events in its transaction, in this
/// order: the customer's message (carrying the ticket of a rating recorded during the turn, so the rating's message
/// stays in the rated journey), a channel switch (<see cref="JourneySwitch"/>), the values given and asked
/// (<see cref="SlotActivity"/>), a new handoff (joining a ticket already open is none), a resolution by the bot
/// (<see cref="JourneyResolution"/>), and the bot's queued replies.
/// </summary>
internal sealed class SqliteJourneyTurnParticipant : ISqliteTurnParticipant
{
    /// <summary>The customer's latest message or rating: a rating after their last message was given by this turn's message.</summary>
    private const string SelectLatestRating =
        "SELECT CASE kind WHEN 'rating' THEN ticket_id END FROM journey_events WHERE customer_id = @p1 AND kind IN ('message-in', 'rating') ORDER BY id DESC LIMIT 1";

    /// <summary>A ticket of the customer open before this turn (the turn's handoff joins it instead of being a new one).</summary>
    private const string SelectOtherOpenTicket =
        "SELECT 1 FROM handoff_requests WHERE customer_id = @p1 AND status IN ('queued', 'assigned') AND inbox_seq <> @p2 LIMIT 1";

    public void Write(StatementCache db, SqliteTurnWrite turn)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(turn);
        var commit = turn.Commit;
        var customer = commit.Inbound.CustomerId;
        var channel = commit.Inbound.Message.Channel.Value;
        var at = turn.At;
        var ratedTicket = db.Scalar<long?>(SelectLatestRating, customer);
        JourneyEventRows.Append(db, customer, at, JourneyEventKind.MessageIn, channel, ticketId: ratedTicket);
        if (commit.Record<JourneySwitch>() is not null)
        {
            JourneyEventRows.Append(db, customer, at, JourneyEventKind.ChannelSwitch, channel);
        }

        if (commit.Record<SlotActivity>() is { } slots)
        {
            foreach (var slot in slots.Given)
            {
                JourneyEventRows.Append(db, customer, at, JourneyEventKind.SlotGiven, channel, slot: slot);
            }

            foreach (var slot in slots.Asked)
            {
                JourneyEventRows.Append(db, customer, at, JourneyEventKind.SlotAsked, channel, slot: slot);
            }
        }

        if (turn.RepliesDropped)
        {
            return;
        }

        if (commit.Handoff is not null && db.Scalar<long?>(SelectOtherOpenTicket, customer, commit.Inbound.Sequence) is null)
        {
            JourneyEventRows.Append(db, customer, at, JourneyEventKind.Handoff, channel);
        }
        else if (commit.Handoff is null && commit.Record<JourneyResolution>() is not null)
        {
            JourneyEventRows.Append(db, customer, at, JourneyEventKind.Resolved, channel);
        }

        if (turn.Outbox.Count > 0)
        {
            JourneyEventRows.Append(db, customer, at, JourneyEventKind.BotMessages, channel, count: turn.Outbox.Count);
        }
    }
}
