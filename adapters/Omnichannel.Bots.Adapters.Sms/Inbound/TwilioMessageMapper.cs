using System.Globalization;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Recognizers;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// Normalizes Twilio's incoming-message webhook ("TwiML for Programmable Messaging: the request Twilio sends") to a
/// <see cref="BotMessage"/>: the id is <c>MessageSid</c> (the inbox's dedupe key), the account the Twilio number
/// written to (<c>To</c>), the conversation and the sender the customer's number (<c>From</c>, in E.164 and verified:
/// the carrier vouches for it). <c>Body</c> is the text; MMS media (<c>NumMedia</c>, <c>MediaUrl{i}</c>,
/// <c>MediaContentType{i}</c>) become attachments by Twilio's media URL, which needs the account's credentials to
/// fetch (HTTP basic auth, the account SID and auth token): no credential is ever put into a stored URL.
/// </summary>
internal sealed class TwilioMessageMapper
{
    private const int MaxMedia = 10;

    private readonly TimeProvider _time;

    public TwilioMessageMapper(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>The message; <see cref="InboundMessageRejectedException"/> naming every problem when the form is not one Twilio sends.</summary>
    public BotMessage Map(TwilioRequest request)
    {
        var problems = new List<string>();
        var sid = request["MessageSid"] ?? request["SmsMessageSid"];
        if (sid is null)
        {
            problems.Add("MessageSid is missing");
        }
        else if (sid.Length > 64 || !sid.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add("MessageSid is not a Twilio message SID");
        }

        var from = E164(request["From"], "From", problems);
        var to = E164(request["To"], "To", problems);
        var attachments = Attachments(request, problems);
        if (problems.Count > 0)
        {
            throw new InboundMessageRejectedException(problems);
        }

        return new BotMessage
        {
            Id = sid!,
            Channel = ChannelId.Sms,
            Conversation = new ConversationAddress(to!, from!),
            Sender = new Participant(from!) { PhoneNumber = from, PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            Text = request["Body"] ?? string.Empty,
            Attachments = attachments,
            Timestamp = _time.GetUtcNow(),
            RawRepresentation = request.Parameters,
        };
    }

    private static string? E164(string? number, string name, List<string> problems)
    {
        if (number is null)
        {
            problems.Add($"{name} is missing");
            return null;
        }

        if (!PhoneRecognizer.TryParse(number, "ZZ", out var e164))
        {
            problems.Add($"{name} is not a phone number in E.164");
            return null;
        }

        return e164;
    }

    private static List<Attachment> Attachments(TwilioRequest request, List<string> problems)
    {
        var attachments = new List<Attachment>();
        var count = request["NumMedia"];
        if (count is null)
        {
            return attachments;
        }

        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var media) || media > MaxMedia)
        {
            problems.Add($"NumMedia must be a whole number from 0 to {MaxMedia}");
            return attachments;
        }

        for (var i = 0; i < media; i++)
        {
            var url = request[$"MediaUrl{i}"];
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                problems.Add($"MediaUrl{i} is missing or not an http(s) URL");
                continue;
            }

            attachments.Add(new Attachment(request[$"MediaContentType{i}"] ?? "application/octet-stream", uri));
        }

        return attachments;
    }
}
