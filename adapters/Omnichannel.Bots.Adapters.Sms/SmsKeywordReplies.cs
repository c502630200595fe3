namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>Who answers the compliance keywords (STOP, START, HELP, INFO, ...), so the customer never gets two replies.</summary>
public enum SmsKeywordReplies
{
    /// <summary>Twilio's Advanced Opt-Out answers them (its default on every number); the bot records opt-out and opt-in and stays silent.</summary>
    Twilio,

    /// <summary>The bot answers HELP and INFO with <see cref="SmsOptions.HelpText"/> and confirms opt-out and opt-in (turn Advanced Opt-Out's replies off in Twilio).</summary>
    Bot,
}
