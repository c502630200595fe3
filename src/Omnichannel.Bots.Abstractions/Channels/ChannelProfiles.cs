namespace Omnichannel.Bots;

/// <summary>
/// The capability profiles of the channels we ship, from each provider's documented limits. Adapters use these;
/// tests use them to run one dialog as each channel renders it.
/// </summary>
public static class ChannelProfiles
{
    /// <summary>Web chat (Direct Line): Markdown, suggested actions, inline media, typing.</summary>
    public static ChannelProfile WebChat { get; } = new(ChannelId.WebChat, new ChannelCapabilities
    {
        MaxTextLength = 8000,
        MaxButtons = 10,
        MaxButtonTitleLength = 80,
        Markup = TextMarkup.Markdown,
        Media = MediaKinds.All,
        SupportsTyping = true,
    });

    /// <summary>
    /// WhatsApp Cloud API: 4,096 characters of text; up to 3 reply buttons of 20 characters, else an interactive list of
    /// up to 10 rows of 24; free-form messages within 24 hours of the customer's last message and approved templates
    /// outside it; 80 messages a second per business number (the Cloud API's default throughput).
    /// </summary>
    public static ChannelProfile WhatsApp { get; } = new(ChannelId.WhatsApp, new ChannelCapabilities
    {
        MaxTextLength = 4096,
        MaxButtons = 3,
        MaxButtonTitleLength = 20,
        ChoiceList = new ChoiceListLimits(maxRows: 10, maxTitleLength: 24),
        Markup = TextMarkup.WhatsApp,
        Media = MediaKinds.All,
        SupportsTyping = true,
        ReplyWindow = TimeSpan.FromHours(24),
        SupportsTemplates = true,
    })
    {
        Pacing = new ChannelPacing(PerChat: null, PerAccount: new MessageRate(80, TimeSpan.FromSeconds(1))),
    };

    /// <summary>
    /// Messenger Send API: 2,000 characters; up to 13 quick replies of 20 characters; the bot replies within 24 hours of
    /// the customer's last message, a human agent for 7 days (the <c>HUMAN_AGENT</c> tag).
    /// </summary>
    public static ChannelProfile Messenger { get; } = new(ChannelId.Messenger, new ChannelCapabilities
    {
        MaxTextLength = 2000,
        MaxButtons = 13,
        MaxButtonTitleLength = 20,
        Markup = TextMarkup.Plain,
        Media = MediaKinds.All,
        SupportsTyping = true,
        ReplyWindow = TimeSpan.FromHours(24),
        HumanAgentReplyWindow = TimeSpan.FromDays(7),
    });

    /// <summary>
    /// Telegram Bot API: 4,096 characters of text after entity parsing (sendMessage); inline keyboard buttons; HTML.
    /// A button's <c>callback_data</c> is limited to 64 bytes, which the adapter handles (long values go by a stored
    /// key), so it does not limit the title.
    /// </summary>
    public static ChannelProfile Telegram { get; } = new(ChannelId.Telegram, new ChannelCapabilities
    {
        MaxTextLength = 4096,
        // The Bot API sets no number for a keyboard (the server refuses markup past about 100 buttons); 20 rows of one
        // button each still fit a phone screen with the message above them, and more choices read better as a list.
        MaxButtons = 20,
        // InlineKeyboardButton.text has no documented limit, but clients show a label on one line and cut the rest with
        // "…": a full-width button on a phone shows about 40 characters. A longer title is shown whole as a numbered option.
        MaxButtonTitleLength = 40,
        Markup = TextMarkup.TelegramHtml,
        Media = MediaKinds.All,
        SupportsTyping = true,
    })
    {
        // Bot API FAQ ("My bot is hitting limits"): avoid more than one message a second in one chat and 30 a second overall.
        Pacing = new ChannelPacing(PerChat: new MessageRate(1, TimeSpan.FromSeconds(1)), PerAccount: new MessageRate(30, TimeSpan.FromSeconds(1))),
    };

    /// <summary>
    /// SMS through Twilio: a body of at most 1,600 characters, counted in GSM-7/UCS-2 segments and kept within 3 of
    /// them, no buttons, no markup, pictures only by MMS (not assumed). STOP, HELP and the other opt-out/opt-in words
    /// belong to the carrier; Twilio answers them (Advanced Opt-Out), the bot records them and stays silent.
    /// </summary>
    public static ChannelProfile Sms { get; } = new(ChannelId.Sms, new ChannelCapabilities
    {
        MaxTextLength = 1600,
        Encoding = TextEncoding.SmsSegments,
        MaxSegments = 3,
        MaxButtons = 0,
        Markup = TextMarkup.Plain,
        Media = MediaKinds.None,
        SupportsTyping = false,
    })
    {
        ComplianceKeywords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "START", "UNSTOP", "HELP", "INFO"],
        OptOutKeywords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"],
        OptInKeywords = ["START", "UNSTOP"],
        OptInWhenOptedOutKeywords = ["YES"],
        HelpKeywords = ["HELP", "INFO"],
        KeywordReplies = KeywordReplies.Provider,
        Interruptions = InterruptionWords.Sms,
    };

    /// <summary>A terminal: plain text, numbered options.</summary>
    public static ChannelProfile Console { get; } = new(ChannelId.Console, new ChannelCapabilities
    {
        MaxTextLength = 4000,
        MaxButtons = 0,
        Markup = TextMarkup.Plain,
    });

    /// <summary>Every profile above.</summary>
    public static IReadOnlyList<ChannelProfile> All { get; } = [WebChat, WhatsApp, Messenger, Telegram, Sms, Console];
}
