using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Bot Framework activities as Direct Line clients read and write them. An activity is serialized once, when it is
/// stored, without an id: the id (<c>conversation|0000042</c>) and the watermark come from the log sequence and are
/// spliced in as text when it is read, so reading never parses a stored activity.
/// </summary>
internal static class DirectLineActivities
{
    public const string ChannelName = "directline";
    public const string BotId = "bot";

    private static readonly DirectLineAccount Bot = new(BotId, "Bot", "bot");

    public static string IdFor(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    public static string Watermark(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>A watermark from a client: absent means from the start; anything but a number we issued is refused.</summary>
    public static bool TryReadWatermark(string? value, out long after)
    {
        after = 0;
        return string.IsNullOrEmpty(value)
            || (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 0);
    }

    /// <summary>
    /// <c>{"activities":[...],"watermark":"N"}</c> of stored entries, each with its id added in front of the stored
    /// JSON; the watermark is the last entry's sequence (or <paramref name="after"/> when there are none).
    /// <paramref name="history"/> (activities not in the log, already serialized with their ids) comes first.
    /// </summary>
    public static string ActivitySet(string conversationId, IReadOnlyList<ActivityLogEntry> entries, long after, IReadOnlyList<string>? history = null)
    {
        history ??= [];
        var text = new StringBuilder(64 + history.Sum(h => h.Length + 1) + entries.Sum(e => e.Payload.Length + conversationId.Length + 16));
        text.Append("{\"activities\":[").AppendJoin(',', history);
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0 || history.Count > 0)
            {
                text.Append(',');
            }

            AppendWithId(text, IdFor(conversationId, entries[i].Sequence), entries[i].Payload);
        }

        text.Append("],\"watermark\":\"").Append(Watermark(entries.Count > 0 ? entries[^1].Sequence : after)).Append("\"}");
        return text.ToString();
    }

    /// <summary><c>{"activities":[...]}</c> of activities that are not in the log (already serialized): no watermark.</summary>
    public static string UnloggedSet(IReadOnlyList<string> activities) => "{\"activities\":[" + string.Join(',', activities) + "]}";

    /// <summary>
    /// A signed-in visitor's message from another channel, as web chat history: the customer's as theirs
    /// (<paramref name="user"/>), the bot's or an agent's as the other side, labelled with its channel, no buttons.
    /// </summary>
    public static string ForHistory(TranscriptEntry entry, string conversationId, WebChatUser user) => Serialize(new DirectLineActivity
    {
        Type = "message",
        Id = conversationId + "|history-" + entry.Id.ToString(CultureInfo.InvariantCulture),
        Timestamp = entry.At,
        From = entry.Direction == MessageDirection.Inbound ? new DirectLineAccount(user.Id, user.Name, "user") : From(entry.Message),
        Conversation = new DirectLineConversationAccount(conversationId),
        Text = entry.Message.Text ?? string.Empty,
        TextFormat = entry.Direction == MessageDirection.Inbound ? "plain" : "markdown",
        Attachments = entry.Message.Attachments.Count > 0 ? Attachments(entry.Message.Attachments) : null,
        ChannelData = new DirectLineChannelData(ClientActivityId: null) { History = new DirectLineHistoryLabel(entry.Channel.Value, entry.Channel.DisplayName) },
    });

    /// <summary><c>{"activities":[activity]}</c> for an activity that is not stored (typing): no watermark.</summary>
    public static string TransientSet(DirectLineActivity activity) =>
        "{\"activities\":[" + JsonSerializer.Serialize(activity, DirectLineJsonContext.Default.DirectLineActivity) + "]}";

    public static string Serialize(DirectLineActivity activity) => JsonSerializer.Serialize(activity, DirectLineJsonContext.Default.DirectLineActivity);

    /// <summary>The bot's (or an agent's) message as stored in the log.</summary>
    /// <param name="message">The rendered reply.</param>
    /// <param name="conversationId">The Direct Line conversation.</param>
    /// <param name="now">Its timestamp when the message has none.</param>
    public static string ForBotMessage(BotMessage message, string conversationId, DateTimeOffset now) => Serialize(new DirectLineActivity
    {
        Type = "message",
        Timestamp = message.Timestamp == default ? now : message.Timestamp,
        From = From(message),
        Conversation = new DirectLineConversationAccount(conversationId),
        Text = message.Text ?? string.Empty,
        TextFormat = "markdown",
        Locale = message.Locale,
        Attachments = message.Attachments.Count > 0 ? Attachments(message.Attachments) : null,

        // imBack: Web Chat posts the title back as the customer's text and shows it, which is what the customer tapped.
        SuggestedActions = message.Choices.Count > 0
            ? new DirectLineSuggestedActions([.. message.Choices.Select(c => new DirectLineCardAction("imBack", c.Title, c.Title))])
            : null,
    });

    /// <summary>The bot, or the human agent who wrote the message (still role "bot": to Web Chat both are the other side).</summary>
    private static DirectLineAccount From(BotMessage message) => message.Sender is { } agent
        ? new DirectLineAccount("agent:" + agent.Id, agent.Name ?? agent.Id, "bot")
        : Bot;

    public static DirectLineActivity Typing(string conversationId, DateTimeOffset now) => new()
    {
        Type = "typing",
        Id = conversationId + "|typing-" + Guid.NewGuid().ToString("N")[..12],
        Timestamp = now,
        From = Bot,
        Conversation = new DirectLineConversationAccount(conversationId),
    };

    /// <summary>
    /// The customer's activity as stored and echoed: what they sent, with <c>from</c> set to the token's user (a client
    /// cannot speak for someone else) and the server's timestamp.
    /// </summary>
    public static string ForUserActivity(UserActivity activity, string conversationId, WebChatUser user, DateTimeOffset now) => Serialize(new DirectLineActivity
    {
        Type = "message",
        Timestamp = now,
        From = new DirectLineAccount(user.Id, activity.FromName ?? user.Name, "user"),
        Conversation = new DirectLineConversationAccount(conversationId),
        Text = activity.Text,
        Value = activity.Value,
        Locale = activity.Locale,
        Attachments = activity.Attachments.Count > 0 ? Attachments(activity.Attachments) : null,
        ChannelData = activity.ClientActivityId is null ? null : new DirectLineChannelData(activity.ClientActivityId),
    });

    private static DirectLineAttachment[] Attachments(IReadOnlyList<Attachment> attachments) =>
        [.. attachments.Select(a => new DirectLineAttachment(a.ContentType, a.Url.AbsoluteUri, a.Name))];

    /// <summary>The stored object with <c>"id"</c> as its first property (a stored activity is never empty).</summary>
    private static void AppendWithId(StringBuilder text, string id, string payload)
    {
        text.Append("{\"id\":\"").Append(JavaScriptEncoder.Default.Encode(id)).Append('"');
        var rest = payload.AsSpan(1).TrimStart();
        if (rest.Length > 0 && rest[0] != '}')
        {
            text.Append(',');
        }

        text.Append(rest);
    }
}
