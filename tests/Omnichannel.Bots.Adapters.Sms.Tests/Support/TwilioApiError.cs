namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>An error the Twilio stand-in answers with: an HTTP status, Twilio's JSON error body and, when set, a <c>Retry-After</c> header (seconds).</summary>
public sealed record TwilioApiError(int Status, int Code, string Message, int? RetryAfterSeconds = null)
{
    public static TwilioApiError Unsubscribed { get; } = new(400, 21610, "Attempt to send to unsubscribed recipient");

    public static TwilioApiError InvalidNumber { get; } = new(400, 21211, "The 'To' number +1555 is not a valid phone number.");
}
