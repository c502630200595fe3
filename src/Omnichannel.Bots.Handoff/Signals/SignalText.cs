using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>Text normalization shared by the signal extractors.</summary>
internal static class SignalText
{
    /// <summary>Messages longer than this are not searched for phrases (a pasted document is not a request).</summary>
    public const int MaxPhraseMessageLength = PersonRequestDetector.MaxMessageLength;

    /// <summary>Lower case without diacritics, letters and digits only (see <see cref="TextFolding.Fold"/>).</summary>
    public static string Fold(string text) => TextFolding.Fold(text);

    /// <summary>The language part of a locale ("es-MX" → "es", "pt_BR" → "pt"), lower case; null when empty.</summary>
    public static string? Language(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var trimmed = locale.Trim();
        var end = trimmed.IndexOfAny(['-', '_']);
        return (end < 0 ? trimmed : trimmed[..end]).ToLowerInvariant();
    }
}
