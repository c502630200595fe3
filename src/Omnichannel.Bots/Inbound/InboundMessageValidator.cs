using System.Globalization;
using System.Text;

namespace Omnichannel.Bots.Inbound;

/// <summary>
/// Checks an inbound message before anything of it is stored, and says every problem at once.
/// </summary>
public static class InboundMessageValidator
{
    /// <summary>The largest text accepted, in UTF-8 bytes (64 KiB).</summary>
    public const int MaxTextBytes = 64 * 1024;

    public const int MaxIdLength = 256;
    public const int MaxValueLength = 1024;
    public const int MaxAttachments = 10;

    /// <summary>Throws <see cref="InboundMessageRejectedException"/> listing every problem, or returns when there is none.</summary>
    public static void Validate(BotMessage message)
    {
        var problems = Check(message);
        if (problems.Count > 0)
        {
            throw new InboundMessageRejectedException(problems);
        }
    }

    public static IReadOnlyList<string> Check(BotMessage? message)
    {
        if (message is null)
        {
            return ["there is no message"];
        }

        var problems = new List<string>();
        CheckIdentifier(problems, "id", message.Id);
        if (message.Channel == default)
        {
            problems.Add("channel is missing");
        }

        if (message.Conversation is null)
        {
            problems.Add("conversation is missing");
        }
        else
        {
            CheckIdentifier(problems, "conversation account", message.Conversation.Account);
            CheckIdentifier(problems, "conversation id", message.Conversation.Id);
        }

        CheckSender(problems, message.Sender);
        if (message.Kind != MessageKind.Message)
        {
            problems.Add($"kind is {message.Kind}; only messages are turns");
        }

        CheckContent(problems, message);
        return problems;
    }

    private static void CheckIdentifier(List<string> problems, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} is missing");
        }
        else if (value.Length > MaxIdLength)
        {
            problems.Add($"{name} is {value.Length} characters; the limit is {MaxIdLength}");
        }
        else if (value.Any(char.IsControl) || !IsWellFormedUtf16(value))
        {
            problems.Add($"{name} contains control characters or broken Unicode");
        }
    }

    private static void CheckSender(List<string> problems, Participant? sender)
    {
        if (sender is null)
        {
            problems.Add("sender is missing");
            return;
        }

        CheckIdentifier(problems, "sender id", sender.Id);
        if (sender.PhoneNumber is { } phone && !IsE164(phone))
        {
            problems.Add($"sender phone number '{Truncate(phone)}' is not in E.164 form (+ and 7 to 15 digits)");
        }

        if (sender.Email is { } email && (email.Length > 254 || email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.Any(char.IsWhiteSpace)))
        {
            problems.Add($"sender email '{Truncate(email)}' is not an email address");
        }
    }

    private static void CheckContent(List<string> problems, BotMessage message)
    {
        if (string.IsNullOrEmpty(message.Text) && message.Value is null && message.Attachments.Count == 0 && message.Location is null)
        {
            problems.Add("the message has no text, value, attachment or location");
        }

        if (message.Text is { } text)
        {
            var bytes = Encoding.UTF8.GetByteCount(text);
            if (bytes > MaxTextBytes)
            {
                problems.Add($"text is {bytes:N0} bytes; the limit is {MaxTextBytes:N0} (64 KB)");
            }
            else if (text.Contains('\0', StringComparison.Ordinal) || !IsWellFormedUtf16(text))
            {
                problems.Add("text contains NUL characters or broken Unicode");
            }
        }

        if (message.Value is { Length: > MaxValueLength })
        {
            problems.Add($"value is {message.Value.Length} characters; the limit is {MaxValueLength}");
        }

        CheckAttachments(problems, message.Attachments);
        CheckLocation(problems, message.Location);
        if (message.Locale is { } locale && !IsKnownCulture(locale))
        {
            problems.Add($"locale '{Truncate(locale)}' is not a language tag");
        }
    }

    private static void CheckAttachments(List<string> problems, IReadOnlyList<Attachment> attachments)
    {
        if (attachments.Count > MaxAttachments)
        {
            problems.Add($"there are {attachments.Count} attachments; the limit is {MaxAttachments}");
            return;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            if (attachment is null)
            {
                problems.Add($"attachment {i + 1} is empty");
                continue;
            }

            if (string.IsNullOrWhiteSpace(attachment.ContentType) || !attachment.ContentType.Contains('/', StringComparison.Ordinal))
            {
                problems.Add($"attachment {i + 1} has no content type such as image/jpeg");
            }

            if (attachment.Url is null || !attachment.Url.IsAbsoluteUri || (attachment.Url.Scheme != Uri.UriSchemeHttps && attachment.Url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"attachment {i + 1} needs an absolute http or https URL");
            }
        }
    }

    private static void CheckLocation(List<string> problems, GeoLocation? location)
    {
        if (location is null)
        {
            return;
        }

        if (!double.IsFinite(location.Latitude) || location.Latitude is < -90 or > 90)
        {
            problems.Add($"location latitude {location.Latitude} is outside -90..90");
        }

        if (!double.IsFinite(location.Longitude) || location.Longitude is < -180 or > 180)
        {
            problems.Add($"location longitude {location.Longitude} is outside -180..180");
        }
    }

    /// <summary>True for <c>+</c> and 7 to 15 digits, the first not 0.</summary>
    internal static bool IsE164(string phone) =>
        phone.Length is >= 8 and <= 16 && phone[0] == '+' && phone[1] is >= '1' and <= '9' && phone.Skip(1).All(char.IsAsciiDigit);

    private static bool IsKnownCulture(string locale)
    {
        if (locale.Length is 0 or > 35)
        {
            return false;
        }

        try
        {
            return !CultureInfo.GetCultureInfo(locale, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
