using System.Diagnostics.CodeAnalysis;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// How a photo or document a customer sent is referenced on the stored message without the bot token: Telegram's own
/// download URL (<c>/file/bot&lt;token&gt;/&lt;path&gt;</c>) contains the token, so the attachment's URL is
/// <c>https://api.telegram.org/file/id/&lt;file_id&gt;</c> instead. It names the file for this bot and is not
/// downloadable as it is: the adapter sends it again by <c>file_id</c>, and whoever needs the bytes calls
/// <c>getFile</c> with the token.
/// </summary>
public static class TelegramFileReference
{
    private const string Prefix = "https://api.telegram.org/file/id/";

    /// <summary>The reference URL of the file with Telegram's <paramref name="fileId"/>.</summary>
    public static Uri ToUrl(string fileId)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return new Uri(Prefix + Uri.EscapeDataString(fileId));
    }

    /// <summary>The <c>file_id</c> in a reference URL; false for any other URL.</summary>
    public static bool TryRead(Uri? url, [NotNullWhen(true)] out string? fileId)
    {
        fileId = null;
        var text = url is { IsAbsoluteUri: true } ? url.AbsoluteUri : null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length == Prefix.Length)
        {
            return false;
        }

        fileId = Uri.UnescapeDataString(text[Prefix.Length..]);
        return true;
    }
}
