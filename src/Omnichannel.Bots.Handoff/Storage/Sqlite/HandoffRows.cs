using Microsoft.Data.Sqlite;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>Reads handoff tickets and a customer's conversations from their rows, and maps statuses to their stored text.</summary>
internal static class HandoffRows
{
    /// <summary>A ticket's columns; append a <c>WHERE</c> clause (the ticket table is <c>h</c>, its conversation <c>c</c>).</summary>
    public const string SelectTicket =
        "SELECT h.id, h.conversation_id, h.customer_id, c.channel, h.queue, h.priority, h.reason, h.rule, h.rule_source, h.status, h.agent_id, " +
        "h.inbox_seq, h.queued_at, h.claimed_at, h.last_agent_reply_at, h.closed_at, h.csat_requested_at, h.csat_score, h.webhook_attempts " +
        "FROM handoff_requests h JOIN conversations c ON c.id = h.conversation_id ";

    public const string SelectTicketById = SelectTicket + "WHERE h.id = @p1";

    /// <summary>Every conversation of a customer with its last message each way; the one with the latest inbound message first (by message order, so equal timestamps cannot tie), never-written-to last.</summary>
    public const string SelectCustomerConversations =
        "SELECT c.id, c.channel, c.account, c.external_id, c.customer_id, c.owner, c.owner_epoch, c.offered_choices, c.locale, " +
        "(SELECT m.created_at FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in' ORDER BY m.id DESC LIMIT 1) AS last_in, " +
        "(SELECT m.created_at FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'out' ORDER BY m.id DESC LIMIT 1) AS last_out, " +
        "(SELECT MAX(m.id) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in') AS last_in_id " +
        "FROM conversations c WHERE c.customer_id = @p1 " +
        "ORDER BY last_in_id IS NULL, last_in_id DESC, c.last_activity_at DESC, c.id";

    public static HandoffTicket? One(StatementCache db, long id)
    {
        using var reader = db.Query(SelectTicketById, id);
        return reader.Read() ? Ticket(reader) : null;
    }

    public static List<HandoffTicket> Many(StatementCache db, string sql, params object?[] values)
    {
        var tickets = new List<HandoffTicket>();
        using var reader = db.Query(sql, values);
        while (reader.Read())
        {
            tickets.Add(Ticket(reader));
        }

        return tickets;
    }

    /// <summary>The ticket in the reader's columns from <paramref name="first"/> on (in <see cref="SelectTicket"/>'s order).</summary>
    public static HandoffTicket Ticket(SqliteDataReader reader, int first = 0) => new()
    {
        Id = reader.GetInt64(first + 0),
        ConversationId = reader.GetString(first + 1),
        CustomerId = reader.GetString(first + 2),
        Channel = new ChannelId(reader.GetString(first + 3)),
        Queue = reader.GetString(first + 4),
        Priority = (HandoffPriority)reader.GetInt32(first + 5),
        Reason = reader.GetString(first + 6),
        Rule = Text(reader, first + 7),
        RuleSource = Text(reader, first + 8),
        Status = StatusFrom(reader.GetString(first + 9)),
        AgentId = Text(reader, first + 10),
        InboxSequence = reader.GetInt64(first + 11),
        QueuedAt = UnixTime.From(reader.GetInt64(first + 12)),
        ClaimedAt = Time(reader, first + 13),
        LastAgentReplyAt = Time(reader, first + 14),
        ClosedAt = Time(reader, first + 15),
        CsatRequestedAt = Time(reader, first + 16),
        CsatScore = reader.IsDBNull(first + 17) ? null : reader.GetInt32(first + 17),
        WebhookAttempts = reader.GetInt32(first + 18),
    };

    public static CustomerConversation CustomerConversation(SqliteDataReader reader) => new(
        new ConversationRecord(
            reader.GetString(0),
            new ChannelId(reader.GetString(1)),
            new ConversationAddress(reader.GetString(2), reader.GetString(3)),
            reader.GetString(4),
            OwnerFrom(reader.GetString(5)),
            reader.GetInt64(6),
            StoredJson.DeserializeChoices(Text(reader, 7)),
            Text(reader, 8)),
        Time(reader, 9),
        Time(reader, 10));

    /// <summary>The stored text of a closing status; a ticket closes only as resolved or returned to the bot.</summary>
    public static string ClosedStatusText(HandoffTicketStatus status) => status switch
    {
        HandoffTicketStatus.Resolved => "resolved",
        HandoffTicketStatus.ReturnedToBot => "returned",
        _ => throw new ArgumentOutOfRangeException(
            nameof(status), status, "A handoff closes as Resolved or ReturnedToBot; Queued and Assigned are not closing states."),
    };

    private static HandoffTicketStatus StatusFrom(string status) => status switch
    {
        "queued" => HandoffTicketStatus.Queued,
        "assigned" => HandoffTicketStatus.Assigned,
        "resolved" => HandoffTicketStatus.Resolved,
        "returned" => HandoffTicketStatus.ReturnedToBot,
        _ => throw new InvalidDataException($"A handoff ticket has the unknown status '{status}'."),
    };

    private static ConversationOwner OwnerFrom(string owner) => owner switch
    {
        "queued" => ConversationOwner.Queued,
        "agent" => ConversationOwner.Agent,
        _ => ConversationOwner.Bot,
    };

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : UnixTime.From(reader.GetInt64(ordinal));
}
