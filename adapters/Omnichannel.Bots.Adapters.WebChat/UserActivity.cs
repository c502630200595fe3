using System.Text.Json;
using Omnichannel.Bots.AspNetCore;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// An activity a Direct Line client posted, checked: a message (text, a choice value, attachments) or something the
/// bot does not act on (typing, events).
/// </summary>
internal sealed record UserActivity(
    string Type,
    string? Text,
    string? Value,
    string? Locale,
    string? FromName,
    string? ClientActivityId,
    IReadOnlyList<Attachment> Attachments)
{
    public const int MaxClientActivityIdLength = 256;
    public const int MaxBodyBytes = 256 * 1024;

    public bool IsMessage => Type == "message";

    /// <summary>Checks a posted activity (read by <see cref="RequestBody"/>), or says everything wrong with it.</summary>
    /// <param name="document">The activity's JSON; null for an empty body.</param>
    /// <param name="filesFollow">True for an upload's activity part: the uploaded files are its content, so it may have no text.</param>
    public static (UserActivity? Activity, IReadOnlyList<string> Problems) Parse(JsonDocument? document, bool filesFollow = false)
    {
        if (document is null)
        {
            return (null, ["the body is empty; send an activity"]);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, ["the body must be a JSON object (an activity)"]);
        }

        var problems = new List<string>();
        var type = String(root, "type", problems);
        if (type is null)
        {
            problems.Add("type is required (\"message\")");
        }

        var text = String(root, "text", problems);
        var locale = String(root, "locale", problems);
        if (locale is not null && (locale.Length > 35 || !locale.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            problems.Add("locale must be a language tag such as en-GB");
        }

        string? fromName = null;
        if (root.TryGetProperty("from", out var from))
        {
            if (from.ValueKind != JsonValueKind.Object)
            {
                problems.Add("from must be an object");
            }
            else
            {
                fromName = String(from, "name", problems);
            }
        }

        string? clientActivityId = null;
        if (root.TryGetProperty("channelData", out var channelData) && channelData.ValueKind == JsonValueKind.Object)
        {
            clientActivityId = String(channelData, "clientActivityID", problems);
            if (clientActivityId is { Length: 0 or > MaxClientActivityIdLength })
            {
                problems.Add($"channelData.clientActivityID must be 1 to {MaxClientActivityIdLength} characters");
            }
        }

        string? value = null;
        if (root.TryGetProperty("value", out var valueElement) && valueElement.ValueKind != JsonValueKind.Null)
        {
            value = valueElement.ValueKind == JsonValueKind.String ? valueElement.GetString() : valueElement.GetRawText();
        }

        var attachments = ReadAttachments(root, problems);
        if (type == "message" && !filesFollow && string.IsNullOrEmpty(text) && value is null && attachments.Count == 0)
        {
            problems.Add("a message needs text, a value or an attachment");
        }

        if (type is not null and not ("message" or "typing" or "event" or "conversationUpdate"))
        {
            problems.Add($"type '{type}' is not supported (message, typing, event)");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new UserActivity(type!, text, value, locale, fromName, clientActivityId, attachments), []);
    }

    private static List<Attachment> ReadAttachments(JsonElement root, List<string> problems)
    {
        var attachments = new List<Attachment>();
        if (!root.TryGetProperty("attachments", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return attachments;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add("attachments must be an array");
            return attachments;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var contentType = item.ValueKind == JsonValueKind.Object ? String(item, "contentType", problems) : null;
            var contentUrl = item.ValueKind == JsonValueKind.Object ? String(item, "contentUrl", problems) : null;
            if (contentType is null || contentUrl is null
                || !Uri.TryCreate(contentUrl, UriKind.Absolute, out var url)
                || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"attachments[{index}] needs a contentType and an absolute http(s) contentUrl (upload files with POST .../upload)");
            }
            else
            {
                attachments.Add(new Attachment(contentType, url, item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null));
            }

            index++;
        }

        return attachments;
    }

    private static string? String(JsonElement element, string property, List<string> problems)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{property} must be a string");
            return null;
        }

        return value.GetString();
    }
}
