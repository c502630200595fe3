using System.Globalization;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// The link a customer's WhatsApp media gets on its attachment:
/// <c>{base}/api/channels/whatsapp/media/{mediaId}?c={wa_id}&amp;sig={signature}</c>, where the signature is the file
/// store's for the file id of <c>whatsapp:{wa_id}:{mediaId}</c>, so only links the bot made open it and <c>c</c>, the
/// conversation the file counts against in the store's quota, cannot be changed on a link. Meta's own media URL needs the access token and expires
/// after minutes, so it is never stored.
/// </summary>
internal sealed class WhatsAppMediaLinks
{
    private readonly ICustomerFiles _files;
    private readonly string _base;

    public WhatsAppMediaLinks(ICustomerFiles files, Uri baseUrl)
    {
        _files = files;
        _base = baseUrl.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The store's file id for media <paramref name="mediaId"/> sent by <paramref name="waId"/>.</summary>
    public static string FileId(ICustomerFiles files, string waId, string mediaId) => files.IdFor($"whatsapp:{waId}:{mediaId}");

    /// <summary>The conversation a customer's media counts against in the store's quota (<c>whatsapp:{wa_id}</c>).</summary>
    public static string QuotaKey(string waId) => "whatsapp:" + waId;

    public Uri For(string mediaId, string conversationId) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{_base}{WhatsAppWebhookEndpoints.MediaPath}/{Uri.EscapeDataString(mediaId)}?c={Uri.EscapeDataString(conversationId)}&sig={Uri.EscapeDataString(_files.Sign(FileId(_files, conversationId, mediaId)))}"));
}
