namespace Omnichannel.Bots;

public enum MessageKind
{
    /// <summary>Text, attachments, a location or choices.</summary>
    Message,

    /// <summary>A typing indicator; dropped on channels that cannot show one.</summary>
    Typing,

    /// <summary>
    /// The bot's answer to a compliance keyword (SMS STOP, START, HELP) in the keyword's own turn, sent as a
    /// <see cref="Message"/>: the one message an opt-out lets through, so a STOP can be confirmed once.
    /// </summary>
    KeywordReply,
}
