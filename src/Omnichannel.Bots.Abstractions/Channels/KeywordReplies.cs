namespace Omnichannel.Bots;

/// <summary>Who answers a channel's compliance keywords (SMS STOP, START, HELP).</summary>
public enum KeywordReplies
{
    /// <summary>The provider answers them (Twilio's Advanced Opt-Out): the bot records the opt-out or opt-in and stays silent.</summary>
    Provider,

    /// <summary>The bot answers: HELP and INFO with <see cref="KeywordTexts.Help"/>, an opt-out and an opt-in with a confirmation.</summary>
    Bot,
}
