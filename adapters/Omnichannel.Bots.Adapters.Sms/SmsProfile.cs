namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// The one place the SMS adapter's <see cref="ChannelProfile"/> comes from: <see cref="ChannelProfiles.Sms"/> with the
/// send rate Twilio documents. A US long code sends one message a second ("Understanding Twilio Rate Limits and Message
/// Queues": 1 MPS per long code); Twilio queues what is faster for up to four hours, so pacing here keeps a burst from
/// piling into that queue and going stale. The rate is per sending account (<c>FromNumber</c>), not per customer. A
/// Messaging Service spreads sends over its pool of senders and queues for it, so with <c>MessagingServiceSid</c> the
/// outbox leaves the pace to Twilio. <c>MaxSegments</c> is the renderer's segment budget; <c>KeywordReplies</c> and
/// <c>HelpText</c> say who answers STOP, START, HELP and INFO (<see cref="ChannelProfile.KeywordReplies"/>).
/// </summary>
public static class SmsProfile
{
    /// <summary>One message a second per sending number.</summary>
    public static ChannelPacing LongCodePacing { get; } = new(PerChat: null, PerAccount: new MessageRate(1, TimeSpan.FromSeconds(1)));

    public static ChannelProfile From(SmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sms = ChannelProfiles.Sms;
        return sms with
        {
            Capabilities = sms.Capabilities with { MaxSegments = options.MaxSegments },
            Pacing = string.IsNullOrWhiteSpace(options.MessagingServiceSid) ? LongCodePacing : ChannelPacing.None,
            KeywordReplies = options.KeywordReplies == SmsKeywordReplies.Bot ? KeywordReplies.Bot : KeywordReplies.Provider,
            KeywordTexts = options.KeywordReplies == SmsKeywordReplies.Bot && !string.IsNullOrWhiteSpace(options.HelpText)
                ? sms.KeywordTexts with { Help = options.HelpText.Trim() }
                : sms.KeywordTexts,
        };
    }
}
