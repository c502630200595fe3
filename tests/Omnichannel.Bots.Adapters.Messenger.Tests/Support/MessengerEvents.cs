using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>
/// Page webhook batches as Meta posts them (Messenger Platform "Webhook events": an object <c>page</c>, entries of one
/// page each with a <c>messaging</c> array of events, each with <c>sender.id</c>, <c>recipient.id</c> and a
/// <c>timestamp</c> in milliseconds).
/// </summary>
public static class MessengerEvents
{
    public const long Timestamp = 1767225600000;

    /// <summary>The watermark of <see cref="Delivery"/>: later than the event's timestamp, as the moment things were delivered.</summary>
    public const long DeliveryWatermark = Timestamp + 500;

    /// <summary>A batch of one entry for <paramref name="pageId"/> holding <paramref name="events"/>.</summary>
    public static JsonObject Batch(string pageId, params JsonObject[] events) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(Entry(pageId, events)),
    };

    public static JsonObject Entry(string pageId, params JsonObject[] events) => new()
    {
        ["id"] = pageId,
        ["time"] = Timestamp,
        ["messaging"] = new JsonArray([.. events]),
    };

    /// <summary>A customer's text (<c>messages</c>), with the pressed quick reply's payload when there is one.</summary>
    public static JsonObject Text(string psid, string mid, string text, string? quickReplyPayload = null)
    {
        var message = new JsonObject { ["mid"] = mid, ["text"] = text };
        if (quickReplyPayload is not null)
        {
            message["quick_reply"] = new JsonObject { ["payload"] = quickReplyPayload };
        }

        return Event(psid, MessengerTestHost.PageId, "message", message);
    }

    /// <summary>A customer's image (<c>messages</c> with an attachment of type image), at the CDN URL <paramref name="url"/>.</summary>
    public static JsonObject Image(string psid, string mid, Uri url) =>
        Event(psid, MessengerTestHost.PageId, "message", new JsonObject
        {
            ["mid"] = mid,
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = url.AbsoluteUri } }),
        });

    /// <summary>A postback button pressed (<c>messaging_postbacks</c>).</summary>
    public static JsonObject Postback(string psid, string mid, string title, string payload) =>
        Event(psid, MessengerTestHost.PageId, "postback", new JsonObject { ["mid"] = mid, ["title"] = title, ["payload"] = payload });

    /// <summary>The page's own message coming back (<c>message_echoes</c>): the page is the sender.</summary>
    public static JsonObject Echo(string psid, string mid, string text) =>
        Event(MessengerTestHost.PageId, psid, "message", new JsonObject { ["is_echo"] = true, ["app_id"] = 1517776481860111, ["mid"] = mid, ["text"] = text });

    /// <summary>Messages to <paramref name="psid"/> delivered (<c>message_deliveries</c>).</summary>
    public static JsonObject Delivery(string psid, params string[] mids) =>
        Event(psid, MessengerTestHost.PageId, "delivery", new JsonObject { ["mids"] = new JsonArray([.. mids.Select(m => (JsonNode)m)]), ["watermark"] = DeliveryWatermark });

    private static JsonObject Event(string sender, string recipient, string kind, JsonObject body) => new()
    {
        ["sender"] = new JsonObject { ["id"] = sender },
        ["recipient"] = new JsonObject { ["id"] = recipient },
        ["timestamp"] = Timestamp,
        [kind] = body,
    };
}
