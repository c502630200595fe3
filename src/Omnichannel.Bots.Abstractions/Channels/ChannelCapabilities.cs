namespace Omnichannel.Bots;

/// <summary>
/// What a channel can show, as data: the reply renderer reads these instead of asking which channel it is on.
/// </summary>
public sealed record ChannelCapabilities
{
    /// <summary>The longest text one message may carry; longer replies are split at sentence boundaries.</summary>
    public required int MaxTextLength { get; init; }

    /// <summary>How many buttons one message may carry; 0 means none, and choices become numbered options.</summary>
    public int MaxButtons { get; init; }

    /// <summary>The longest button title; a choice with a longer title is shown as a numbered option instead.</summary>
    public int MaxButtonTitleLength { get; init; } = int.MaxValue;

    /// <summary>
    /// A list for choices that do not fit as buttons (more of them, or longer titles), tried after the buttons and
    /// before numbered options; null when the channel has none.
    /// </summary>
    public ChoiceListLimits? ChoiceList { get; init; }

    public TextMarkup Markup { get; init; } = TextMarkup.Plain;

    /// <summary>Which attachments the channel shows inline; others are sent as links.</summary>
    public MediaKinds Media { get; init; } = MediaKinds.None;

    public bool SupportsTyping { get; init; }

    /// <summary>
    /// How long after the customer's last message a free-form reply may still be sent (WhatsApp and Messenger: 24
    /// hours); null when the channel has no such window. An agent's reply past it is refused with a clear error.
    /// </summary>
    public TimeSpan? ReplyWindow { get; init; }

    /// <summary>
    /// How long after the customer's last message a human agent may still reply when that is longer than
    /// <see cref="ReplyWindow"/> (Messenger's <c>HUMAN_AGENT</c> tag: 7 days); null when agents have the bot's window.
    /// The bot's own messages never use it.
    /// </summary>
    public TimeSpan? HumanAgentReplyWindow { get; init; }

    /// <summary>
    /// True when the channel sends approved templates (<see cref="BotMessage.Template"/>, WhatsApp): the one message that
    /// may go out after <see cref="ReplyWindow"/> has closed, to reach a customer first.
    /// </summary>
    public bool SupportsTemplates { get; init; }

    /// <summary>How text is encoded and measured; <see cref="TextEncoding.SmsSegments"/> counts SMS segments.</summary>
    public TextEncoding Encoding { get; init; } = TextEncoding.Unicode;

    /// <summary>
    /// With <see cref="TextEncoding.SmsSegments"/>, the most segments one reply may cost (SMS: 3 by default): a longer
    /// reply is cut at a sentence and ends with the link to its full text (<see cref="BotMessage.FullTextUrl"/>), or, when
    /// it has none, is sent as several messages of at most this many segments each. 0 means no budget.
    /// </summary>
    public int MaxSegments { get; init; }

    public bool SupportsButtons => MaxButtons > 0;

    /// <summary>
    /// How the channel shows <paramref name="choices"/>: as buttons when there are at most <see cref="MaxButtons"/> with
    /// titles of at most <see cref="MaxButtonTitleLength"/>, else as a <see cref="ChoiceList"/> when they fit one;
    /// null when they become numbered options (and when there are none).
    /// </summary>
    public ChoiceStyle? StyleFor(IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            return null;
        }

        if (choices.Count <= MaxButtons && choices.All(choice => choice.Title.Length <= MaxButtonTitleLength))
        {
            return ChoiceStyle.Buttons;
        }

        return ChoiceList is { } list && choices.Count <= list.MaxRows && choices.All(choice => choice.Title.Length <= list.MaxTitleLength)
            ? ChoiceStyle.List
            : null;
    }
}
