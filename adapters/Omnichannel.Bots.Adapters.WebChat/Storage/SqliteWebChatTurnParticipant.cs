using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Delivers a turn's web chat replies inside the turn commit: each message is serialized once as a Direct Line activity,
/// appended to the conversation's log and its outbox row marked sent, in the turn's transaction, so a reply is stored in
/// one COMMIT and the outbox dispatcher never handles it. A typing indicator followed by a message of the same turn is
/// moot (the message is already there) and marked sent too; one at the end of the turn is left to the dispatcher.
/// Replies to a conversation without a log stay pending (the dispatcher's send fails them as before). Open streams are
/// woken after the commit by <see cref="WebChatReplyObserver"/>.
/// </summary>
internal sealed class SqliteWebChatTurnParticipant : ISqliteTurnParticipant
{
    /// <summary>The log's dedupe key of a bot message: the same whether it is appended in the commit or by the adapter.</summary>
    /// <param name="message">The reply.</param>
    public static string DedupeKey(BotMessage message) => "bot:" + message.Id;

    public void Write(StatementCache db, SqliteTurnWrite turn)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(turn);
        string? logId = null;
        var lastMessage = -1;
        for (var i = 0; i < turn.Outbox.Count; i++)
        {
            if (IsWebChat(turn.Outbox[i]) && turn.Outbox[i].Message.Kind == MessageKind.Message)
            {
                lastMessage = i;
            }
        }

        for (var i = 0; i <= lastMessage; i++)
        {
            var entry = turn.Outbox[i];
            if (!IsWebChat(entry))
            {
                continue;
            }

            var conversationId = entry.Message.Conversation.Id;
            if (logId != conversationId)
            {
                if (SqliteActivityLogStore.FindOwner(db, conversationId) is null)
                {
                    continue;
                }

                logId = conversationId;
            }

            string? activityId = null;
            if (entry.Message.Kind == MessageKind.Message)
            {
                var payload = DirectLineActivities.ForBotMessage(entry.Message, conversationId, DateTimeOffset.FromUnixTimeMilliseconds(turn.At));
                var appended = SqliteActivityLogStore.Append(db, conversationId, DedupeKey(entry.Message), payload, turn.At);
                activityId = DirectLineActivities.IdFor(conversationId, appended.Sequence);
            }

            SqliteOutboxStore.MarkSentIn(db, entry.Id, activityId, DateTimeOffset.FromUnixTimeMilliseconds(turn.At));
            turn.Delivered(entry);
        }
    }

    private static bool IsWebChat(OutboxEntry entry) => entry.Message.Channel == ChannelId.WebChat;
}
