using Microsoft.AspNetCore.Http;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.AspNetCore;

/// <summary>
/// How a customer's file (<see cref="ICustomerFiles"/>) is served from the host's own origin, whichever channel brought
/// it: a customer's HTML or SVG shown inline here could run script, so only plain images, audio and video are inline;
/// everything else is a download. Never sniffed, and sandboxed.
/// </summary>
public static class CustomerFileResponses
{
    /// <param name="http">The request being answered (its response headers are set).</param>
    /// <param name="file">The saved file.</param>
    /// <param name="downloadContentType">The content type a download is served with; null keeps the file's own.</param>
    public static IResult Serve(HttpContext http, CustomerFile file, string? downloadContentType = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(file);
        var contentType = file.ContentType;
        var inline = (contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !contentType.Contains("svg", StringComparison.OrdinalIgnoreCase))
            || contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        return inline
            ? Results.File(file.Path, contentType)
            : Results.File(file.Path, downloadContentType ?? contentType, file.Name ?? "file");
    }
}
