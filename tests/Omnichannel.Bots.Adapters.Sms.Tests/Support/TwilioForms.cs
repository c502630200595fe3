using System.Globalization;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// Form bodies as Twilio posts them: an incoming message ("TwiML for Programmable Messaging", the parameters of the
/// request Twilio sends: MessageSid, AccountSid, From, To, Body, NumMedia, MediaUrl{i}, MediaContentType{i}) and a status
/// callback ("Track the message status of outbound messages": MessageSid, MessageStatus, ErrorCode).
/// </summary>
public static class TwilioForms
{
    public static string MessageSid(int n) => "SM" + n.ToString("x32", CultureInfo.InvariantCulture);

    public static List<KeyValuePair<string, string>> Incoming(string sid, string from, string body, params (string Url, string Type)[] media)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("ToCountry", "US"),
            new("SmsMessageSid", sid),
            new("NumMedia", media.Length.ToString(CultureInfo.InvariantCulture)),
            new("SmsSid", sid),
            new("SmsStatus", "received"),
            new("Body", body),
            new("To", SmsTestHost.BotNumber),
            new("NumSegments", "1"),
            new("MessageSid", sid),
            new("AccountSid", FakeTwilioApi.AccountSid),
            new("From", from),
            new("ApiVersion", "2010-04-01"),
        ];
        for (var i = 0; i < media.Length; i++)
        {
            fields.Add(new($"MediaUrl{i}", media[i].Url));
            fields.Add(new($"MediaContentType{i}", media[i].Type));
        }

        return fields;
    }

    public static List<KeyValuePair<string, string>> Status(string sid, string status, string? errorCode = null)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("SmsSid", sid),
            new("SmsStatus", status),
            new("MessageStatus", status),
            new("To", "+14155550100"),
            new("MessageSid", sid),
            new("AccountSid", FakeTwilioApi.AccountSid),
            new("From", SmsTestHost.BotNumber),
            new("ApiVersion", "2010-04-01"),
        ];
        if (errorCode is not null)
        {
            fields.Add(new("ErrorCode", errorCode));
        }

        return fields;
    }
}
