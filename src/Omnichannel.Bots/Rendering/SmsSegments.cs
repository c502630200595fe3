using System.Buffers;

namespace Omnichannel.Bots.Rendering;

/// <summary>
/// What one SMS text costs: its encoding, the segments it is sent in, and its length in the encoding's units (GSM-7
/// septets, where the extension characters ^ { } \ [ ~ ] | € and form feed take two; UCS-2 code units, where an emoji
/// outside the Basic Multilingual Plane takes two). One segment holds 160 septets or 70 units; a longer text is sent
/// concatenated, 153 septets or 67 units a segment (the rest carries the 6-octet user data header), and a character is
/// never split between two segments (as Twilio's segment calculator counts: an escape sequence or a surrogate pair that
/// does not fit moves whole to the next segment).
/// </summary>
public sealed record SmsSegments(SmsEncoding Encoding, int Segments, int Units)
{
    public const int Gsm7Single = 160;
    public const int Gsm7Concatenated = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Concatenated = 67;

    /// <summary>
    /// The GSM-7 default alphabet's basic table (3GPP TS 23.038 §6.2.1) without the escape code: one septet each.
    /// </summary>
    private const string BasicTable =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The extension table (3GPP TS 23.038 §6.2.1.1): two septets each (escape, then the character).</summary>
    private const string ExtensionTable = "\f^{}\\[~]|€";

    private static readonly SearchValues<char> Basic = SearchValues.Create(BasicTable);
    private static readonly SearchValues<char> Gsm7 = SearchValues.Create(BasicTable + ExtensionTable);

    /// <summary>The cost of <paramref name="text"/>; empty text is one GSM-7 segment of 0 septets (an empty SMS still costs one).</summary>
    public static SmsSegments Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsGsm7(text) ? CountGsm7(text) : CountUcs2(text);
    }

    /// <summary>True when every character of <paramref name="text"/> is in the GSM-7 basic or extension table.</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !text.AsSpan().ContainsAnyExcept(Gsm7);
    }

    private static SmsSegments CountGsm7(string text)
    {
        var units = 0;
        foreach (var c in text)
        {
            units += Basic.Contains(c) ? 1 : 2;
        }

        if (units <= Gsm7Single)
        {
            return new(SmsEncoding.Gsm7, 1, units);
        }

        int segments = 1, used = 0;
        foreach (var c in text)
        {
            var size = Basic.Contains(c) ? 1 : 2;
            (segments, used) = Place(segments, used, size, Gsm7Concatenated);
        }

        return new(SmsEncoding.Gsm7, segments, units);
    }

    private static SmsSegments CountUcs2(string text)
    {
        if (text.Length <= Ucs2Single)
        {
            return new(SmsEncoding.Ucs2, 1, text.Length);
        }

        int segments = 1, used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var size = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            (segments, used) = Place(segments, used, size, Ucs2Concatenated);
            i += size - 1;
        }

        return new(SmsEncoding.Ucs2, segments, text.Length);
    }

    /// <summary>Adds a character of <paramref name="size"/> units, starting a new segment when it does not fit whole.</summary>
    private static (int Segments, int Used) Place(int segments, int used, int size, int capacity) =>
        used + size <= capacity ? (segments, used + size) : (segments + 1, size);
}
