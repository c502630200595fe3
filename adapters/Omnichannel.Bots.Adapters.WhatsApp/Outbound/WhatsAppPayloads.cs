using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// The JSON bodies of <c>POST /{version}/{phone-number-id}/messages</c> (WhatsApp Cloud API "Messages"): every one with
/// <c>messaging_product: whatsapp</c>, and for a customer <c>recipient_type: individual</c> and <c>to</c> (their
/// <c>wa_id</c>). Text (<c>preview_url</c> when it holds a link), reply buttons, lists, media by link, templates,
/// locations, and the read receipt with its typing indicator.
/// </summary>
internal static partial class WhatsAppPayloads
{
    /// <summary>The longest body text of an interactive message.</summary>
    public const int MaxInteractiveBody = 1024;

    /// <summary>The longest reply button id.</summary>
    public const int MaxButtonId = 256;

    /// <summary>The longest list row id.</summary>
    public const int MaxRowId = 200;

    /// <summary>The longest media caption.</summary>
    public const int MaxCaption = 1024;

    public static JsonObject Text(string to, string text) => Message(to, "text", new JsonObject
    {
        ["preview_url"] = LinkPattern().IsMatch(text),
        ["body"] = text,
    });

    /// <summary>Up to three reply buttons under <paramref name="body"/>; each button's id is the choice's value.</summary>
    public static JsonObject Buttons(string to, string body, IReadOnlyList<Choice> choices) => Message(to, "interactive", new JsonObject
    {
        ["type"] = "button",
        ["body"] = new JsonObject { ["text"] = body },
        ["action"] = new JsonObject
        {
            ["buttons"] = new JsonArray([.. choices.Select(choice => (JsonNode)new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = choice.Value, ["title"] = choice.Title },
            })]),
        },
    });

    /// <summary>A list of up to ten rows in one section, opened by a button labelled <paramref name="button"/>; each row's id is the choice's value.</summary>
    public static JsonObject List(string to, string body, string button, IReadOnlyList<Choice> choices) => Message(to, "interactive", new JsonObject
    {
        ["type"] = "list",
        ["body"] = new JsonObject { ["text"] = body },
        ["action"] = new JsonObject
        {
            ["button"] = button,
            ["sections"] = new JsonArray(new JsonObject
            {
                ["rows"] = new JsonArray([.. choices.Select(choice => (JsonNode)new JsonObject { ["id"] = choice.Value, ["title"] = choice.Title })]),
            }),
        },
    });

    /// <summary>An image, audio, video or document by its public link; <paramref name="caption"/> only where WhatsApp shows one (not audio).</summary>
    public static JsonObject Media(string to, Attachment attachment, string? caption)
    {
        var type = MediaType(attachment);
        var media = new JsonObject { ["link"] = attachment.Url.AbsoluteUri };
        if (caption is not null)
        {
            media["caption"] = caption;
        }

        if (type == "document" && !string.IsNullOrWhiteSpace(attachment.Name))
        {
            media["filename"] = attachment.Name;
        }

        return Message(to, type, media);
    }

    /// <summary>The WhatsApp media type an attachment goes as.</summary>
    public static string MediaType(Attachment attachment) => attachment.Kind switch
    {
        MediaKinds.Image => "image",
        MediaKinds.Audio => "audio",
        MediaKinds.Video => "video",
        _ => "document",
    };

    /// <summary>True when WhatsApp shows a caption under this kind of media.</summary>
    public static bool TakesCaption(Attachment attachment) => attachment.Kind != MediaKinds.Audio;

    /// <summary>An approved template with its header and body parameters (text) in order; components only when there are parameters.</summary>
    public static JsonObject Template(string to, MessageTemplate template)
    {
        var body = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language },
        };
        var components = new JsonArray();
        if (template.HeaderParameters.Count > 0)
        {
            components.Add(Component("header", template.HeaderParameters));
        }

        if (template.BodyParameters.Count > 0)
        {
            components.Add(Component("body", template.BodyParameters));
        }

        if (components.Count > 0)
        {
            body["components"] = components;
        }

        return Message(to, "template", body);
    }

    public static JsonObject Location(string to, GeoLocation location)
    {
        var body = new JsonObject { ["latitude"] = location.Latitude, ["longitude"] = location.Longitude };
        if (location.Name is not null)
        {
            body["name"] = location.Name;
        }

        if (location.Address is not null)
        {
            body["address"] = location.Address;
        }

        return Message(to, "location", body);
    }

    /// <summary>Marks the customer's message read (blue ticks) and shows "typing…" until the next reply or 25 seconds.</summary>
    public static JsonObject ReadWithTyping(string messageId) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["status"] = "read",
        ["message_id"] = messageId,
        ["typing_indicator"] = new JsonObject { ["type"] = "text" },
    };

    private static JsonObject Component(string type, IReadOnlyList<string> parameters) => new()
    {
        ["type"] = type,
        ["parameters"] = new JsonArray([.. parameters.Select(value => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = value })]),
    };

    private static JsonObject Message(string to, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = to,
        ["type"] = type,
        [type] = content,
    };

    [GeneratedRegex(@"(?i)\bhttps?://\S", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
