using System.Text.Json;
using Microsoft.Data.Sqlite;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>Reads and writes a customer's row of <c>journeys</c> (inside the caller's read or write).</summary>
internal static class JourneyRows
{
    private const string Columns = "j.last_message_at, j.decline_streak, j.sentiments, j.amounts, j.last_intent, j.clarify_text, j.rating_conversation_id";

    private const string Select = "SELECT " + Columns + " FROM journeys j WHERE j.customer_id = @p1";

    /// <summary>The facts and the latest ticket in one statement (both by primary key or index): the router's one read per turn.</summary>
    public const string SelectWithLatestTicket =
        "SELECT " + Columns + ", t.* FROM (SELECT @p1 AS customer_id) k " +
        "LEFT JOIN journeys j ON j.customer_id = k.customer_id " +
        "LEFT JOIN (" + HandoffRows.SelectTicket + "WHERE h.customer_id = @p1 ORDER BY h.id DESC LIMIT 1) t ON 1 = 1";

    private const string Upsert =
        "INSERT INTO journeys (customer_id, last_message_at, decline_streak, sentiments, amounts, last_intent, clarify_text, rating_conversation_id) " +
        "VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) ON CONFLICT (customer_id) DO UPDATE SET " +
        "last_message_at = excluded.last_message_at, decline_streak = excluded.decline_streak, sentiments = excluded.sentiments, amounts = excluded.amounts, " +
        "last_intent = excluded.last_intent, clarify_text = excluded.clarify_text, rating_conversation_id = excluded.rating_conversation_id";

    /// <summary>Where the ticket's columns start in <see cref="SelectWithLatestTicket"/>.</summary>
    public const int TicketOrdinal = 7;

    public static JourneyFacts Load(StatementCache db, string customerId)
    {
        using var reader = db.Query(Select, customerId);
        return reader.Read() ? Facts(reader) : JourneyFacts.Empty;
    }

    public static void Save(StatementCache db, string customerId, JourneyFacts facts)
    {
        db.Execute(
            Upsert,
            customerId,
            facts.LastMessageAt is { } at ? UnixTime.Of(at) : 0L,
            (long)facts.DeclineStreak,
            JsonSerializer.Serialize(facts.RecentSentiments.ToArray()),
            JsonSerializer.Serialize(facts.Amounts.ToArray()),
            facts.LastIntent,
            facts.PendingClarify,
            facts.RatingConversationId);
    }

    /// <summary>The facts in the row's first columns (all null when the customer has no row).</summary>
    public static JourneyFacts Facts(SqliteDataReader reader)
    {
        if (reader.IsDBNull(0))
        {
            return JourneyFacts.Empty;
        }

        return new JourneyFacts
        {
            LastMessageAt = UnixTime.From(reader.GetInt64(0)),
            DeclineStreak = reader.GetInt32(1),
            RecentSentiments = JsonSerializer.Deserialize<double[]>(reader.GetString(2)) ?? [],
            Amounts = JsonSerializer.Deserialize<decimal[]>(reader.GetString(3)) ?? [],
            LastIntent = reader.IsDBNull(4) ? null : reader.GetString(4),
            PendingClarify = reader.IsDBNull(5) ? null : reader.GetString(5),
            RatingConversationId = reader.IsDBNull(6) ? null : reader.GetString(6),
        };
    }

    /// <summary>Folds a message the desk queued (an agent's reply, the closing messages) into the customer's facts.</summary>
    public static void AfterOutbound(StatementCache db, string customerId, string conversationId, DateTimeOffset at, bool asksRating) =>
        Save(db, customerId, Load(db, customerId).AfterOutbound(at, conversationId, clarify: null, asksRating));
}
