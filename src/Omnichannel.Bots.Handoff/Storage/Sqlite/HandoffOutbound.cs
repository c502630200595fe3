using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>
/// The desk's messages (an agent's reply, the closing disclosure, the CSAT question), queued through the core's
/// <see cref="SqliteOutbound"/> (a transcript row and an outbox row each, in the caller's write) and taken into the
/// customer's journey facts.
/// </summary>
internal static class HandoffOutbound
{
    /// <summary>
    /// Queues <paramref name="messages"/> to the customer's conversation (see <see cref="SqliteOutbound.Queue"/>, which
    /// throws on the caller's mistakes); the journey facts take them in (<paramref name="asksRating"/>: the last one asks
    /// for a rating).
    /// </summary>
    public static List<OutboxEntry> Queue(
        StatementCache db, string conversationId, string customerId, IReadOnlyList<BotMessage> messages, IReadOnlyList<string> payloads, DateTimeOffset at, bool asksRating = false)
    {
        var queued = SqliteOutbound.Queue(db, conversationId, customerId, messages, payloads, at);
        if (messages.Count > 0)
        {
            JourneyRows.AfterOutbound(db, customerId, conversationId, at, asksRating);
        }

        return queued;
    }
}
