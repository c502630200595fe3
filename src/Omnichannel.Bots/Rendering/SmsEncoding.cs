namespace Omnichannel.Bots.Rendering;

/// <summary>The alphabet an SMS is sent in.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1), 7 bits a character.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16 code units, 16 bits each), for text with any character outside GSM-7.</summary>
    Ucs2,
}
