using System.Globalization;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// The link a customer's Messenger attachment gets instead of Meta's CDN URL (which expires):
/// <c>{base}/api/channels/messenger/media/{fileId}?c={psid}&amp;u={cdn url}&amp;sig={signature}</c>. The file id is the
/// store's for <c>messenger:{psid}:{mid}:{index}</c>, and the signature covers the file id, the conversation the file
/// counts against and the CDN URL, so a link can be pointed neither at another conversation's quota nor at another
/// address: only URLs Meta sent in a signed webhook are ever fetched.
/// </summary>
internal sealed class MessengerMediaLinks
{
    private readonly ICustomerFiles _files;
    private readonly string _base;

    public MessengerMediaLinks(ICustomerFiles files, Uri baseUrl)
    {
        _files = files;
        _base = baseUrl.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The conversation a customer's attachments count against in the store's quota (<c>messenger:{psid}</c>).</summary>
    public static string QuotaKey(string psid) => "messenger:" + psid;

    /// <summary>
    /// The signature of a link: the store's signature of a keyed hash of the three parts (the store signs ASCII ids, and
    /// a CDN URL may hold other characters).
    /// </summary>
    public static string Signature(ICustomerFiles files, string fileId, string psid, string cdnUrl) =>
        files.Sign(files.IdFor($"messenger-link:{fileId}\n{psid}\n{cdnUrl}"));

    /// <summary>The attachment at position <paramref name="index"/> of message <paramref name="mid"/> from <paramref name="psid"/>, to keep.</summary>
    public MessengerMedia Media(string psid, string mid, int index, Uri cdnUrl) =>
        new(_files.IdFor(string.Create(CultureInfo.InvariantCulture, $"messenger:{psid}:{mid}:{index}")), psid, cdnUrl);

    /// <summary>The link that opens <paramref name="media"/>.</summary>
    public Uri For(MessengerMedia media)
    {
        var url = media.CdnUrl.AbsoluteUri;
        var signature = Signature(_files, media.FileId, media.Psid, url);
        return new Uri($"{_base}{MessengerWebhookEndpoints.MediaPath}/{media.FileId}?c={Uri.EscapeDataString(media.Psid)}&u={Uri.EscapeDataString(url)}&sig={Uri.EscapeDataString(signature)}");
    }
}
