using Microsoft.AspNetCore.Http;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>Which pages may ask for a widget token: the configured origins, and the host's own.</summary>
internal static class WebChatOrigins
{
    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.GetLeftPart(UriPartial.Authority).Equals(value.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && !value.EndsWith('/');

    public static bool IsAllowed(string? origin, HttpRequest request, IEnumerable<string> allowed)
    {
        if (string.IsNullOrEmpty(origin) || !IsOrigin(origin))
        {
            return false;
        }

        var own = request.Scheme + "://" + request.Host.Value;
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || allowed.Any(a => a == "*" || string.Equals(a, origin, StringComparison.OrdinalIgnoreCase));
    }
}
