namespace Omnichannel.Bots;

/// <summary>How a channel encodes and bills text, which decides how the renderer measures a reply.</summary>
public enum TextEncoding
{
    /// <summary>Text is sent as written and measured in UTF-16 characters (<see cref="ChannelCapabilities.MaxTextLength"/>).</summary>
    Unicode,

    /// <summary>
    /// SMS: a message goes as GSM-7 (160 characters in one segment, 153 in each of several) when every character is in
    /// the GSM 03.38 alphabet, else as UCS-2 (70, then 67); the renderer replaces typographic punctuation with its GSM-7
    /// equivalent and keeps a reply within <see cref="ChannelCapabilities.MaxSegments"/>.
    /// </summary>
    SmsSegments,
}
