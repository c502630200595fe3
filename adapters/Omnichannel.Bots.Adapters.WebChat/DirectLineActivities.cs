using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Bot Framework activities as Direct Line clients read and write them. Stored activities carry no id: the id
/// (<c>conversation|0000042</c>) and the watermark come from the log sequence when they are read.
/// </summary>
internal static class DirectLineActivities
{
    public const string ChannelName = "directline";
    public const string BotId = "bot";

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

    /// <summary>The stored activity with its id added, as clients receive it.</summary>
    public static JsonObject Read(string conversationId, long sequence, string payload)
    {
        var activity = JsonNode.Parse(payload)!.AsObject();
        activity["id"] = IdFor(conversationId, sequence);
        return activity;
    }

    public static string ForBotMessage(BotMessage message, string conversationId, WebChatUser? recipient)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["timestamp"] = message.Timestamp == default ? DateTimeOffset.UtcNow : message.Timestamp,
            ["channelId"] = ChannelName,
            ["from"] = From(message),
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["text"] = message.Text ?? string.Empty,
            ["textFormat"] = "markdown",
        };
        if (recipient is not null)
        {
            activity["recipient"] = new JsonObject { ["id"] = recipient.Id, ["role"] = "user" };
        }

        if (message.Locale is not null)
        {
            activity["locale"] = message.Locale;
        }

        if (message.Attachments.Count > 0)
        {
            activity["attachments"] = AttachmentsJson(message.Attachments);
        }

        if (message.Choices.Count > 0)
        {
            // imBack: Web Chat posts the title back as the customer's text and shows it, which is what the customer tapped.
            activity["suggestedActions"] = new JsonObject
            {
                ["actions"] = new JsonArray([.. message.Choices.Select(c => (JsonNode)new JsonObject
                {
                    ["type"] = "imBack",
                    ["title"] = c.Title,
                    ["value"] = c.Title,
                })]),
            };
        }

        return activity.ToJsonString();
    }

    /// <summary>The bot, or the human agent who wrote the message (still role "bot": to Web Chat both are the other side).</summary>
    private static JsonObject From(BotMessage message) => message.Sender is { } agent
        ? new JsonObject { ["id"] = "agent:" + agent.Id, ["name"] = agent.Name ?? agent.Id, ["role"] = "bot" }
        : new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" };

    public static JsonObject Typing(string conversationId) => new()
    {
        ["type"] = "typing",
        ["id"] = conversationId + "|typing-" + Guid.NewGuid().ToString("N")[..12],
        ["timestamp"] = DateTimeOffset.UtcNow,
        ["channelId"] = ChannelName,
        ["from"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
    };

    /// <summary>
    /// The customer's activity as stored and echoed: what they sent, with <c>from</c> set to the token's user (a client
    /// cannot speak for someone else) and the server's timestamp.
    /// </summary>
    public static string ForUserActivity(UserActivity activity, string conversationId, WebChatUser user, DateTimeOffset now)
    {
        var stored = new JsonObject
        {
            ["type"] = "message",
            ["timestamp"] = now,
            ["channelId"] = ChannelName,
            ["from"] = new JsonObject { ["id"] = user.Id, ["role"] = "user" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
        };
        if ((activity.FromName ?? user.Name) is { } name)
        {
            stored["from"]!["name"] = name;
        }

        if (activity.Text is not null)
        {
            stored["text"] = activity.Text;
        }
        if (activity.Value is not null)
        {
            stored["value"] = activity.Value;
        }

        if (activity.Locale is not null)
        {
            stored["locale"] = activity.Locale;
        }

        if (activity.Attachments.Count > 0)
        {
            stored["attachments"] = AttachmentsJson(activity.Attachments);
        }

        if (activity.ClientActivityId is not null)
        {
            stored["channelData"] = new JsonObject { ["clientActivityID"] = activity.ClientActivityId };
        }

        return stored.ToJsonString();
    }

    private static JsonArray AttachmentsJson(IReadOnlyList<Attachment> attachments) =>
        new([.. attachments.Select(a => (JsonNode)new JsonObject
        {
            ["contentType"] = a.ContentType,
            ["contentUrl"] = a.Url.AbsoluteUri,
            ["name"] = a.Name,
        })]);
}
