namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>One call the Twilio stand-in received: the account in its path, the basic-auth header as sent, its form fields in order, and the message sid it answered (or would have).</summary>
public sealed record TwilioApiRequest(string AccountSid, string? Authorization, IReadOnlyList<KeyValuePair<string, string>> Fields, string Sid)
{
    /// <summary>The field's last value, or null.</summary>
    public string? this[string name] => Fields.LastOrDefault(f => f.Key == name).Value;
}
