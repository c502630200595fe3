using System.Globalization;
using System.Text.Json;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// Normalizes one event of a page webhook entry's <c>messaging</c> array (Messenger Platform "Webhook events":
/// <c>messages</c>, <c>messaging_postbacks</c>, <c>message_deliveries</c>, <c>message_reads</c>, <c>message_echoes</c>,
/// <c>messaging_referrals</c>). The conversation is (page id, the customer's page-scoped id) and the sender the PSID.
/// A message's id is its <c>mid</c> (the inbox's dedupe key); its text, the quick reply's payload as the value, image,
/// audio, video and file attachments by a link to the host's own copy (<see cref="MessengerMediaLinks"/>: Meta's CDN
/// URL expires after a while, so the attachment is kept in the file store and the link serves it from there), and a
/// shared location. A postback is its <c>title</c> as text and <c>payload</c> as value, deduplicated
/// by <c>postback.mid</c>; its <c>referral.ref</c> (the Get Started button after an m.me link) and a referral event's
/// <c>ref</c> are the <see cref="BotMessage.DeepLinkPayload"/> (a referral event, which has no text, has the value
/// <see cref="ReferralValue"/>). The bot's own messages coming back as echoes
/// (<c>is_echo</c>) are ignored. A delivery's <c>mids</c> become <see cref="DeliveryStatus.Delivered"/> reports. A read
/// event carries only a watermark (a time before which everything is read), not message ids, so it reports nothing:
/// the delivery reports are recorded by provider id, and resolving a watermark would need every mid sent to the
/// customer with its send time, which the outbox does not expose. Timestamps are Meta's (milliseconds since the epoch;
/// a value too small for that is read as seconds, as some of Meta's examples give them).
/// </summary>
internal sealed class MessengerEventMapper
{
    /// <summary>Below this a timestamp is in seconds (10^11 ms is March 1973; 10^11 s is far in the future).</summary>
    private const long SecondsBelow = 100_000_000_000;

    /// <summary>
    /// The value of a referral event (the customer followed an m.me link into a thread they already had): it carries no
    /// text, and a turn needs something, so it is this typed value no package owns, with the ref as the deep link.
    /// </summary>
    public static readonly string ReferralValue = new ChoiceValue("messenger", "referral").ToString();

    private readonly TimeProvider _time;

    public MessengerEventMapper(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>The event sent to page <paramref name="pageId"/>; <see cref="InboundMessageRejectedException"/> naming every problem when it is not one Meta sends.</summary>
    public MessengerEvent Map(JsonElement messaging, string pageId, MessengerMediaLinks links)
    {
        if (messaging.ValueKind != JsonValueKind.Object)
        {
            throw new InboundMessageRejectedException(["a messaging event must be an object"]);
        }

        var at = Timestamp(messaging, "timestamp");
        if (messaging.TryGetProperty("delivery", out var delivery))
        {
            // Meta's example delivery has no event timestamp: the watermark (everything before it is delivered) is the moment.
            return Delivery(delivery, delivery.ValueKind == JsonValueKind.Object && delivery.TryGetProperty("watermark", out _) ? Timestamp(delivery, "watermark") : at);
        }

        if (messaging.TryGetProperty("read", out _))
        {
            return MessengerEvent.Ignored("a read watermark: Meta names no message ids, so nothing is recorded (see the adapter's README)");
        }

        if (messaging.TryGetProperty("message", out var echo) && echo.ValueKind == JsonValueKind.Object && Bool(echo, "is_echo"))
        {
            return MessengerEvent.Ignored("an echo of a message the page sent");
        }

        var psid = Text(messaging, "sender", "id");
        if (psid is null)
        {
            // A chat plugin guest or a checkbox opt-in has a user_ref instead of a PSID: there is no conversation to answer in.
            return Text(messaging, "sender", "user_ref") is not null
                ? MessengerEvent.Ignored("the sender has a user_ref, not a page-scoped id")
                : throw new InboundMessageRejectedException(["sender.id (the customer's page-scoped id) is missing"]);
        }

        var message = new BotMessage
        {
            Id = string.Empty,
            Channel = ChannelId.Messenger,
            Conversation = new ConversationAddress(pageId, psid),
            Sender = new Participant(psid),
            Timestamp = at,
            RawRepresentation = messaging.GetRawText(),
        };
        if (messaging.TryGetProperty("message", out var customerMessage))
        {
            return Message(customerMessage, message, links);
        }

        if (messaging.TryGetProperty("postback", out var postback))
        {
            return Postback(postback, message, psid, at);
        }

        if (messaging.TryGetProperty("referral", out var referral))
        {
            return Text(referral, "ref") is { } deepLink
                ? MessengerEvent.Of(message with { Id = SyntheticId("referral", psid, at), Value = ReferralValue, DeepLinkPayload = deepLink })
                : MessengerEvent.Ignored("a referral without a ref (an ad or a chat plugin)");
        }

        return MessengerEvent.Ignored("an event the adapter does not take (reaction, opt-in, account linking, ...)");
    }

    private static MessengerEvent Message(JsonElement element, BotMessage message, MessengerMediaLinks links)
    {
        var problems = new List<string>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InboundMessageRejectedException(["message must be an object"]);
        }

        var mid = Text(element, "mid");
        if (mid is null)
        {
            problems.Add("message.mid is missing");
        }

        var attachments = new List<Attachment>();
        var media = new List<MessengerMedia>();
        GeoLocation? location = null;
        if (element.TryGetProperty("attachments", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                problems.Add("message.attachments must be an array");
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    location ??= Location(item);
                    if (mid is not null && AttachmentOf(item, problems) is var (contentType, cdnUrl))
                    {
                        var kept = links.Media(message.Sender!.Id, mid, index, cdnUrl);
                        media.Add(kept);
                        attachments.Add(new Attachment(contentType, links.For(kept)));
                    }

                    index++;
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InboundMessageRejectedException(problems);
        }

        var mapped = message with
        {
            Id = mid!,
            Text = Text(element, "text"),
            Value = Text(element, "quick_reply", "payload"),
            Attachments = attachments,
            Location = location,
        };
        return string.IsNullOrEmpty(mapped.Text) && mapped.Value is null && attachments.Count == 0 && location is null
            ? MessengerEvent.Ignored($"message {mid} holds nothing the bot reads (a sticker pack, a share, an unsupported attachment)")
            : MessengerEvent.Of(mapped, media);
    }

    private static MessengerEvent Postback(JsonElement postback, BotMessage message, string psid, DateTimeOffset at)
    {
        if (postback.ValueKind != JsonValueKind.Object)
        {
            throw new InboundMessageRejectedException(["postback must be an object"]);
        }

        return MessengerEvent.Of(message with
        {
            // Older postbacks have no mid: the customer and the moment stand in for it, so a redelivery still dedupes.
            Id = Text(postback, "mid") ?? SyntheticId("postback", psid, at),
            Text = Text(postback, "title"),
            Value = Text(postback, "payload"),
            DeepLinkPayload = Text(postback, "referral", "ref"),
        });
    }

    private static MessengerEvent Delivery(JsonElement delivery, DateTimeOffset at)
    {
        if (delivery.ValueKind != JsonValueKind.Object)
        {
            throw new InboundMessageRejectedException(["delivery must be an object"]);
        }

        if (!delivery.TryGetProperty("mids", out var mids) || mids.ValueKind != JsonValueKind.Array)
        {
            // Meta documents mids as optional; the watermark alone names no message.
            return MessengerEvent.Ignored("a delivery without mids");
        }

        var reports = mids.EnumerateArray()
            .Where(mid => mid.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(mid.GetString()))
            .Select(mid => new DeliveryReport(ChannelId.Messenger, mid.GetString()!, DeliveryStatus.Delivered, at))
            .ToList();
        return reports.Count == 0 ? MessengerEvent.Ignored("a delivery with no mids") : MessengerEvent.Delivered(reports);
    }

    /// <summary>The content type and CDN URL of an image, audio, video or file attachment; null for other types and (with a problem) without a URL.</summary>
    private static (string ContentType, Uri CdnUrl)? AttachmentOf(JsonElement item, List<string> problems)
    {
        var type = Text(item, "type");
        var contentType = type switch
        {
            "image" => "image/*",
            "audio" => "audio/*",
            "video" => "video/*",
            "file" => "application/octet-stream",
            _ => null,
        };
        if (contentType is null)
        {
            return null;
        }

        var url = Text(item, "payload", "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"a {type} attachment has no http(s) payload.url");
            return null;
        }

        return (contentType, uri);
    }

    private static GeoLocation? Location(JsonElement item) =>
        Text(item, "type") == "location"
        && item.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("coordinates", out var at) && at.ValueKind == JsonValueKind.Object
        && at.TryGetProperty("lat", out var lat) && lat.TryGetDouble(out var latitude)
        && at.TryGetProperty("long", out var lng) && lng.TryGetDouble(out var longitude)
            ? new GeoLocation(latitude, longitude, Text(item, "title"))
            : null;

    /// <summary>The time in <paramref name="element"/>'s <paramref name="name"/> (a number or a string of digits), or now when it has none.</summary>
    private DateTimeOffset Timestamp(JsonElement element, string name)
    {
        long? value = element.TryGetProperty(name, out var t) ? t.ValueKind switch
        {
            JsonValueKind.Number when t.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(t.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        } : null;
        return value switch
        {
            null or <= 0 => _time.GetUtcNow(),
            < SecondsBelow => DateTimeOffset.FromUnixTimeSeconds(value.Value),
            _ => DateTimeOffset.FromUnixTimeMilliseconds(value.Value),
        };
    }

    private static string SyntheticId(string kind, string psid, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{psid}:{at.ToUnixTimeMilliseconds()}");

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The string at <paramref name="path"/> under <paramref name="element"/>, or null (also for an empty string).</summary>
    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text ? text : null;
    }
}
