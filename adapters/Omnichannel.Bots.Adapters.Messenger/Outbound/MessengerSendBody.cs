using System.Globalization;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// The Send API bodies (<c>POST /{version}/me/messages</c>, Messenger Platform "Send API"): <c>recipient.id</c> (the
/// PSID), <c>messaging_type</c> <c>RESPONSE</c>, or <c>MESSAGE_TAG</c> with <c>tag</c> <c>HUMAN_AGENT</c> for a human
/// agent's message sent in <see cref="SendWindow.HumanAgent"/> (the bot's own messages never are), and one
/// <c>message</c>: a text, an attachment by URL (<c>attachment.type</c> image, audio, video or file with
/// <c>payload.url</c>; <c>is_reusable</c> false, since the adapter keeps no attachment ids), or the button template
/// (<c>template_type</c> button, text, up to 3 postback buttons). Choices ride as <c>quick_replies</c> (<c>content_type</c>
/// text, <c>title</c>, <c>payload</c>). A sender action (<c>typing_on</c>, <c>mark_seen</c>) is a body of its own.
/// </summary>
internal static class MessengerSendBody
{
    /// <summary>The most quick replies one message carries.</summary>
    public const int MaxQuickReplies = 13;

    /// <summary>The longest quick reply and postback button title.</summary>
    public const int MaxTitleLength = 20;

    /// <summary>The longest quick reply and postback payload.</summary>
    public const int MaxPayloadLength = 1000;

    /// <summary>The most postback buttons of the button template.</summary>
    public const int MaxTemplateButtons = 3;

    /// <summary>The longest text of the button template.</summary>
    public const int MaxTemplateText = 640;

    public static JsonObject Text(BotMessage message, string text) => Message(message, new JsonObject { ["text"] = text });

    public static JsonObject Attachment(BotMessage message, Attachment attachment) => Message(message, new JsonObject
    {
        ["attachment"] = new JsonObject
        {
            ["type"] = attachment.Kind switch
            {
                MediaKinds.Image => "image",
                MediaKinds.Audio => "audio",
                MediaKinds.Video => "video",
                _ => "file",
            },
            ["payload"] = new JsonObject { ["url"] = attachment.Url.AbsoluteUri, ["is_reusable"] = false },
        },
    });

    /// <summary>The button template: <paramref name="text"/> with one postback button per choice.</summary>
    public static JsonObject ButtonTemplate(BotMessage message, string text) => Message(message, new JsonObject
    {
        ["attachment"] = new JsonObject
        {
            ["type"] = "template",
            ["payload"] = new JsonObject
            {
                ["template_type"] = "button",
                ["text"] = text,
                ["buttons"] = new JsonArray([.. message.Choices.Select(choice => (JsonNode)new JsonObject
                {
                    ["type"] = "postback",
                    ["title"] = choice.Title,
                    ["payload"] = choice.Value,
                })]),
            },
        },
    });

    /// <summary>Adds the message's choices as quick replies to a message body.</summary>
    public static JsonObject WithQuickReplies(JsonObject body, IReadOnlyList<Choice> choices)
    {
        body["message"]!["quick_replies"] = new JsonArray([.. choices.Select(choice => (JsonNode)new JsonObject
        {
            ["content_type"] = "text",
            ["title"] = choice.Title,
            ["payload"] = choice.Value,
        })]);
        return body;
    }

    /// <summary>A sender action (<c>typing_on</c>, <c>mark_seen</c>) in <paramref name="psid"/>'s chat.</summary>
    public static JsonObject SenderAction(string psid, string action) => new()
    {
        ["recipient"] = new JsonObject { ["id"] = psid },
        ["sender_action"] = action,
    };

    /// <summary>A location as text: Messenger's Send API has no location message.</summary>
    public static string LocationText(GeoLocation location)
    {
        var lat = location.Latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = location.Longitude.ToString("0.######", CultureInfo.InvariantCulture);
        var name = string.Join(", ", new[] { location.Name, location.Address }.Where(part => !string.IsNullOrWhiteSpace(part)));
        var link = $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}";
        return name.Length == 0 ? link : $"{name}: {link}";
    }

    /// <summary>A problem with the message's choices for quick replies or the button template, or null when they fit.</summary>
    public static string? ChoiceProblem(IReadOnlyList<Choice> choices, int maxCount)
    {
        if (choices.Count > maxCount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{choices.Count} choices, more than the {maxCount} Messenger shows");
        }

        return choices.FirstOrDefault(c => c.Title.Length is 0 or > MaxTitleLength) is { } title
            ? string.Create(CultureInfo.InvariantCulture, $"the choice title '{title.Title}' is empty or longer than {MaxTitleLength} characters")
            : choices.FirstOrDefault(c => c.Value.Length is 0 or > MaxPayloadLength) is { } value
                ? string.Create(CultureInfo.InvariantCulture, $"the value of choice '{value.Title}' is empty or longer than {MaxPayloadLength} characters")
                : null;
    }

    private static JsonObject Message(BotMessage message, JsonObject content)
    {
        var body = new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = message.Conversation.Id },
        };
        if (message.Window == SendWindow.HumanAgent)
        {
            body["messaging_type"] = "MESSAGE_TAG";
            body["tag"] = "HUMAN_AGENT";
        }
        else
        {
            body["messaging_type"] = "RESPONSE";
        }

        body["message"] = content;
        return body;
    }
}
