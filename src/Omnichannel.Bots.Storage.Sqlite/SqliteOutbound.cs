namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Messages that do not answer an inbound turn (an agent's reply, the desk's closing words, a proactive message): each
/// becomes a transcript row and an outbox row of its conversation, under inbox sequence 0 and its own message id (the
/// caller makes ids unique, as the tables' uniqueness on (inbox sequence, message id) requires). Called inside the
/// caller's write, so the rows commit with whatever else the caller changes.
/// </summary>
public static class SqliteOutbound
{
    private const string SelectConversation = "SELECT channel, account, external_id, customer_id FROM conversations WHERE id = @p1";
    private const string SelectQueued = "SELECT 1 FROM outbox WHERE inbox_seq = 0 AND message_id = @p1";

    private const string InsertOutbox =
        "INSERT INTO outbox (conversation_id, inbox_seq, message_id, channel, payload, status, next_attempt_at, created_at) VALUES (@p1, 0, @p2, @p3, @p4, 'pending', @p5, @p5) RETURNING id";

    private const string InsertMessage =
        "INSERT INTO messages (conversation_id, customer_id, channel, direction, inbox_seq, message_id, text, payload, created_at) VALUES (@p1, @p2, @p3, 'out', 0, @p4, @p5, @p6, @p7)";

    private const string TouchConversation = "UPDATE conversations SET last_activity_at = MAX(last_activity_at, @p2) WHERE id = @p1";

    /// <summary>
    /// Queues <paramref name="messages"/> (with their serialized <paramref name="payloads"/>, see <see cref="Serialize"/>)
    /// to the customer's conversation. Throws <see cref="InvalidOperationException"/> when the conversation does not
    /// exist or is not <paramref name="customerId"/>'s, a message is addressed elsewhere, or an id was used before: the
    /// caller's mistake, rolled back with the rest of the write.
    /// </summary>
    public static List<OutboxEntry> Queue(
        StatementCache db, string conversationId, string customerId, IReadOnlyList<BotMessage> messages, IReadOnlyList<string> payloads, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(payloads);
        string channel;
        ConversationAddress address;
        using (var reader = db.Query(SelectConversation, conversationId))
        {
            if (!reader.Read())
            {
                throw new InvalidOperationException($"Conversation '{conversationId}' does not exist.");
            }

            if (reader.GetString(3) != customerId)
            {
                throw new InvalidOperationException($"Conversation '{conversationId}' belongs to another customer than {customerId}.");
            }

            channel = reader.GetString(0);
            address = new ConversationAddress(reader.GetString(1), reader.GetString(2));
        }

        var time = UnixTime.Of(at);
        var queued = new List<OutboxEntry>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Channel.Value != channel || message.Conversation != address)
            {
                throw new InvalidOperationException(
                    $"Message '{message.Id}' is addressed to {message.Channel}/{message.Conversation.Account}/{message.Conversation.Id}, not to conversation '{conversationId}' ({channel}/{address.Account}/{address.Id}).");
            }

            if (db.Scalar<long?>(SelectQueued, message.Id) is not null)
            {
                throw new InvalidOperationException($"A message with id '{message.Id}' was already queued; every message outside a turn needs an id of its own.");
            }

            var id = db.Scalar<long>(InsertOutbox, conversationId, message.Id, channel, payloads[i], time);
            db.Execute(InsertMessage, conversationId, customerId, channel, message.Id, message.Text, payloads[i], time);
            queued.Add(new OutboxEntry(id, conversationId, message, 0, at));
        }

        if (messages.Count > 0)
        {
            db.Execute(TouchConversation, conversationId, time);
        }

        return queued;
    }

    /// <summary>Serializes the messages before the write (off the writer thread); a null message is the caller's error.</summary>
    public static List<string> Serialize(IReadOnlyList<BotMessage> messages, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(messages, parameterName);
        var payloads = new List<string>(messages.Count);
        foreach (var message in messages)
        {
            if (message is null)
            {
                throw new ArgumentException("A message to queue is null.", parameterName);
            }

            payloads.Add(StoredJson.Serialize(message));
        }

        return payloads;
    }
}
