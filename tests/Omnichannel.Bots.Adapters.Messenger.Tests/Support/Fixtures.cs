using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Omnichannel.Bots.Adapters.Meta.Testing;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>The webhook bodies in Fixtures/ (each file names the Messenger Platform page it follows), byte for byte as written there.</summary>
public static partial class Fixtures
{
    /// <summary>
    /// <paramref name="name"/>'s body with Meta's CDN URLs (<c>https://scontent.xx.fbcdn.net/v/…/photo.jpg?…</c>,
    /// <c>https://cdn.fbsbx.com/v/…/receipt.pdf?…</c>) pointed at <paramref name="api"/>'s CDN route
    /// (<c>{api}/cdn/photo.jpg?…</c>), so the adapter's downloads stay on this machine.
    /// </summary>
    public static byte[] Body(string name, FakeGraphApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var body = Encoding.UTF8.GetString(Body(name));
        return Encoding.UTF8.GetBytes(CdnUrl().Replace(body, new Uri(api.BaseUrl, "cdn/").AbsoluteUri));
    }

    public static byte[] Body(string name)
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json")));
        return Encoding.UTF8.GetBytes(file.RootElement.GetProperty("body").GetRawText());
    }

    [GeneratedRegex(@"https://(scontent\.xx\.fbcdn\.net|cdn\.fbsbx\.com)/v/[^/""]+/")]
    private static partial Regex CdnUrl();
}
