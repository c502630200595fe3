using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Journeys.Storage;

/// <summary>
/// The journeys feature's share of the desk's ticket changes: appends a claim, re-queue, agent message, return to the
/// bot, resolution by an agent or rating (each with its ticket) in the change's transaction, and the closing messages
/// the desk queued as the bot's.
/// </summary>
internal sealed class SqliteJourneyTicketParticipant : ISqliteTicketParticipant
{
    private const string SelectChannel = "SELECT channel FROM conversations WHERE id = @p1";

    public void Write(StatementCache db, TicketChange change)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var at = change.At.ToUnixTimeMilliseconds();
        var channel = change.ConversationId is { } conversation ? db.Scalar<string>(SelectChannel, conversation) : null;
        var kind = change.Kind switch
        {
            TicketChangeKind.Claimed => JourneyEventKind.Claimed,
            TicketChangeKind.Requeued => JourneyEventKind.Requeued,
            TicketChangeKind.AgentMessage => JourneyEventKind.AgentMessage,
            TicketChangeKind.Resolved => JourneyEventKind.Resolved,
            TicketChangeKind.ReturnedToBot => JourneyEventKind.ReturnedToBot,
            TicketChangeKind.Rated => JourneyEventKind.Rating,
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Unknown ticket change."),
        };
        JourneyEventRows.Append(db, change.CustomerId, at, kind, channel, change.TicketId, change.AgentId, score: change.Score);
        if (kind is JourneyEventKind.Resolved or JourneyEventKind.ReturnedToBot && change.Messages > 0)
        {
            JourneyEventRows.Append(db, change.CustomerId, at, JourneyEventKind.BotMessages, channel, change.TicketId, count: change.Messages);
        }
    }
}
