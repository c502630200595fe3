using System.Net.Http.Headers;

namespace Omnichannel.Bots.Adapters.Meta.Testing;

/// <summary>Webhook calls as Meta makes them: the raw body bytes, signed with the app secret in <c>X-Hub-Signature-256</c>.</summary>
public static class MetaWebhookRequests
{
    /// <summary>A POST of <paramref name="body"/> (sent byte for byte) signed with <paramref name="appSecret"/>; null signs nothing.</summary>
    public static HttpRequestMessage Signed(string path, byte[] body, string? appSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (appSecret is not null)
        {
            request.Headers.Add(MetaSignature.Header, new MetaSignature(appSecret).Sign(body));
        }

        return request;
    }

    /// <summary>The handshake's GET with <paramref name="mode"/>, <paramref name="verifyToken"/> and <paramref name="challenge"/>.</summary>
    public static string Handshake(string path, string mode, string verifyToken, string challenge) =>
        $"{path}?hub.mode={Uri.EscapeDataString(mode)}&hub.verify_token={Uri.EscapeDataString(verifyToken)}&hub.challenge={Uri.EscapeDataString(challenge)}";
}
