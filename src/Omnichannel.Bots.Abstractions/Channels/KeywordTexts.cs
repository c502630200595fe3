namespace Omnichannel.Bots;

/// <summary>
/// What the bot answers to compliance keywords when <see cref="ChannelProfile.KeywordReplies"/> is
/// <see cref="KeywordReplies.Bot"/>. The defaults follow Twilio's default Advanced Opt-Out replies; replace
/// <see cref="Help"/> with your business name and a way to reach a person (carriers require both).
/// </summary>
public sealed record KeywordTexts
{
    /// <summary>The answer to a help keyword (HELP, INFO).</summary>
    public string Help { get; init; } = "Reply STOP to unsubscribe. Msg&Data Rates May Apply.";

    /// <summary>The one message sent after an opt-out keyword; nothing follows it until the customer opts in again.</summary>
    public string OptedOut { get; init; } =
        "You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.";

    /// <summary>The answer to an opt-in keyword that lifted an opt-out.</summary>
    public string OptedIn { get; init; } =
        "You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.";
}
