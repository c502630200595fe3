namespace Omnichannel.Bots.Adapters.Meta.Testing;

/// <summary>An error the Graph API stand-in answers with, in Meta's shape (<c>{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}</c>).</summary>
public sealed record GraphApiFailure(int Status, int Code, string Message, int? Subcode = null)
{
    /// <summary>WhatsApp: "Re-engagement message" — more than 24 hours since the customer last replied.</summary>
    public static GraphApiFailure ReEngagement { get; } = new(400, 131047, "Re-engagement message");

    /// <summary>WhatsApp: the number's throughput is exceeded.</summary>
    public static GraphApiFailure Throughput { get; } = new(400, 130429, "Rate limit hit");

    /// <summary>WhatsApp: too many messages to this customer in a short time (pair rate limit).</summary>
    public static GraphApiFailure PairRateLimit { get; } = new(400, 131056, "(Business Account, Consumer Account) pair rate limit hit");

    /// <summary>Messenger: "This message is sent outside of allowed window."</summary>
    public static GraphApiFailure OutsideWindow { get; } = new(400, 10, "This message is sent outside of allowed window.", 2018278);

    /// <summary>Messenger: "This person isn't available right now."</summary>
    public static GraphApiFailure PersonUnavailable { get; } = new(400, 551, "This person isn't available right now.", 1545041);

    /// <summary>An invalid or expired access token.</summary>
    public static GraphApiFailure ExpiredToken { get; } = new(401, 190, "Error validating access token: Session has expired.", 463);
}
