using System.Globalization;
using System.Text;
using System.Text.Json;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Recognizers;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// Normalizes one message of a <c>messages</c> webhook change (WhatsApp Cloud API "Webhooks → Messages") to a
/// <see cref="BotMessage"/>: the id is the <c>wamid</c> (the inbox's dedupe key), the account the business number's
/// id, the conversation and the sender the customer's <c>wa_id</c> (their number without '+', which Meta vouches for:
/// it becomes the verified E.164 <see cref="Participant.PhoneNumber"/>), the profile name the sender's name, the time
/// the payload's unix <c>timestamp</c>. Text; a pressed reply button or list row (<c>interactive</c>
/// <c>button_reply</c>/<c>list_reply</c>) and a template's quick-reply button (<c>button</c>) as their id (or payload) in
/// <see cref="BotMessage.Value"/> with the title as text; a location; shared contacts as a text summary; images, audio,
/// video, documents and stickers as attachments by a signed link to the host's own media route
/// (<see cref="WhatsAppMediaLinks"/>), the caption as text; a reaction as its emoji for text (a removed reaction is
/// ignored). <c>context.id</c> and the reacted message's id are kept in <see cref="WhatsAppMessageContext"/>. Kinds the
/// bot does not read (<c>unsupported</c>, <c>system</c>, orders, ...) are ignored with the reason.
/// </summary>
internal sealed class WhatsAppMessageMapper
{
    private static readonly string[] MediaTypes = ["image", "audio", "video", "document", "sticker"];

    /// <summary>The message; <see cref="InboundMessageRejectedException"/> naming every problem when it lacks what Meta always sends.</summary>
    public static WhatsAppInbound Map(JsonElement message, string phoneNumberId, IReadOnlyDictionary<string, string> names, WhatsAppMediaLinks links)
    {
        var problems = new List<string>();
        var id = Text(message, "id");
        var from = Text(message, "from");
        var type = Text(message, "type");
        if (string.IsNullOrEmpty(id) || id.Length > 256)
        {
            problems.Add("the message has no id (wamid)");
        }

        string? e164 = null;
        if (string.IsNullOrEmpty(from) || !from.All(char.IsAsciiDigit) || !PhoneRecognizer.TryParse("+" + from, "ZZ", out e164))
        {
            problems.Add("the message's 'from' is not a WhatsApp id (a phone number without '+')");
        }

        if (string.IsNullOrEmpty(type))
        {
            problems.Add("the message has no type");
        }

        if (problems.Count > 0)
        {
            throw new InboundMessageRejectedException(problems);
        }

        var context = new WhatsAppMessageContext(message.GetRawText())
        {
            ReplyToMessageId = message.TryGetProperty("context", out var replyTo) && replyTo.ValueKind == JsonValueKind.Object ? Text(replyTo, "id") : null,
        };
        var baseMessage = new BotMessage
        {
            Id = id!,
            Channel = ChannelId.WhatsApp,
            Conversation = new ConversationAddress(phoneNumberId, from!),
            Sender = new Participant(from!, names.TryGetValue(from!, out var name) ? name : null) { PhoneNumber = e164, PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            Timestamp = Timestamp(message),
            RawRepresentation = context,
        };
        var body = message.TryGetProperty(type!, out var content) && content.ValueKind == JsonValueKind.Object ? content : default;
        return type switch
        {
            "text" when Text(body, "body") is { Length: > 0 } text => new(baseMessage with { Text = text }, null),
            "interactive" => Interactive(baseMessage, body),
            "button" when Text(body, "payload") is { Length: > 0 } payload => new(baseMessage with { Text = Text(body, "text") ?? payload, Value = payload }, null),
            "location" => Location(baseMessage, body),
            "contacts" => Contacts(baseMessage, message),
            "reaction" => Reaction(baseMessage, body, context),
            _ when MediaTypes.Contains(type) => Media(baseMessage, type!, body, links),
            "unsupported" => WhatsAppInbound.Ignored($"WhatsApp marked it unsupported ({ErrorTitles(message)})"),
            _ => WhatsAppInbound.Ignored($"it is a '{type}' message, which the bot does not read, or it has no content"),
        };
    }

    private static WhatsAppInbound Interactive(BotMessage message, JsonElement interactive)
    {
        var kind = Text(interactive, "type");
        if (kind is "button_reply" or "list_reply"
            && interactive.TryGetProperty(kind, out var reply) && reply.ValueKind == JsonValueKind.Object
            && Text(reply, "id") is { Length: > 0 } value)
        {
            return new(message with { Text = Text(reply, "title") ?? value, Value = value }, null);
        }

        return WhatsAppInbound.Ignored($"it is an interactive '{kind ?? "(none)"}' reply, which the bot does not read");
    }

    private static WhatsAppInbound Location(BotMessage message, JsonElement location)
    {
        if (Number(location, "latitude") is not { } latitude || Number(location, "longitude") is not { } longitude
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            throw new InboundMessageRejectedException([$"location message '{message.Id}' has no valid latitude and longitude"]);
        }

        return new(message with { Location = new GeoLocation(latitude, longitude, Text(location, "name"), Text(location, "address")) }, null);
    }

    /// <summary>Shared contact cards as text, one line each: the formatted name and the phone numbers.</summary>
    private static WhatsAppInbound Contacts(BotMessage message, JsonElement whole)
    {
        if (!whole.TryGetProperty("contacts", out var contacts) || contacts.ValueKind != JsonValueKind.Array || contacts.GetArrayLength() == 0)
        {
            return WhatsAppInbound.Ignored("the contacts message has no contacts");
        }

        var text = new StringBuilder();
        foreach (var contact in contacts.EnumerateArray())
        {
            var name = contact.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.Object ? Text(n, "formatted_name") : null;
            var phones = contact.TryGetProperty("phones", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(phone => Text(phone, "phone")).Where(phone => !string.IsNullOrWhiteSpace(phone)).ToList()
                : [];
            text.Append(text.Length == 0 ? "Contact: " : "\nContact: ").Append(name ?? "(no name)");
            if (phones.Count > 0)
            {
                text.Append(", ").AppendJoin(", ", phones);
            }
        }

        return new(message with { Text = text.ToString() }, null);
    }

    private static WhatsAppInbound Reaction(BotMessage message, JsonElement reaction, WhatsAppMessageContext context)
    {
        var emoji = Text(reaction, "emoji");
        if (string.IsNullOrEmpty(emoji))
        {
            return WhatsAppInbound.Ignored("it removes a reaction");
        }

        return new(message with { Text = emoji, RawRepresentation = context with { ReactedToMessageId = Text(reaction, "message_id") } }, null);
    }

    private static WhatsAppInbound Media(BotMessage message, string type, JsonElement media, WhatsAppMediaLinks links)
    {
        if (Text(media, "id") is not { Length: > 0 } mediaId || !mediaId.All(char.IsAsciiLetterOrDigit) || mediaId.Length > 64)
        {
            throw new InboundMessageRejectedException([$"{type} message '{message.Id}' has no media id"]);
        }

        var contentType = Text(media, "mime_type") is { Length: > 0 } mime ? mime.Split(';')[0].Trim() : type == "sticker" ? "image/webp" : "application/octet-stream";
        var attachment = new Attachment(contentType, links.For(mediaId, message.Conversation.Id), Text(media, "filename"));
        return new(message with { Text = Text(media, "caption"), Attachments = [attachment] }, null);
    }

    private static DateTimeOffset Timestamp(JsonElement message) =>
        long.TryParse(Text(message, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new InboundMessageRejectedException(["the message's timestamp is not unix seconds"]);

    private static string ErrorTitles(JsonElement message) =>
        message.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? string.Join("; ", errors.EnumerateArray().Select(WhatsAppWebhookErrors.Describe))
            : "no reason given";

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
