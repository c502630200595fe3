using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Keeps the token of a Direct Line stream URL (<c>/v3/directline/conversations/{id}/stream?t=...</c>) out of every
/// log: before the host logs "Request starting ... ?t=..." (and before HttpLogging, W3C logging, diagnostics or our
/// own code see the request), the token moves from the query into a request feature and the query and raw target say
/// <c>t=redacted</c>. It wraps the host's <see cref="IHttpContextFactory"/>, the one place that runs before the
/// hosting layer's request log.
/// </summary>
internal sealed class StreamTokenRedaction : IHttpContextFactory
{
    public const string Redacted = "redacted";
    private const string StreamPrefix = "/v3/directline/conversations/";
    private const string StreamSuffix = "/stream";

    private readonly IHttpContextFactory _inner;

    public StreamTokenRedaction(IHttpContextFactory inner) => _inner = inner;

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        ArgumentNullException.ThrowIfNull(featureCollection);
        Redact(featureCollection);
        return _inner.Create(featureCollection);
    }

    public void Dispose(HttpContext httpContext) => _inner.Dispose(httpContext);

    /// <summary>The stream token the request carried, whether or not it was moved out of the query.</summary>
    public static string? StreamToken(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<StreamTokenFeature>()?.Value ?? http.Request.Query["t"];
    }

    private static void Redact(IFeatureCollection features)
    {
        var request = features.Get<IHttpRequestFeature>();
        if (request is null || string.IsNullOrEmpty(request.QueryString)
            || !request.Path.Contains(StreamPrefix, StringComparison.OrdinalIgnoreCase)
            || !request.Path.EndsWith(StreamSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var query = QueryHelpers.ParseQuery(request.QueryString);
        if (!query.TryGetValue("t", out var token))
        {
            return;
        }

        features.Set(new StreamTokenFeature(token.ToString()));
        query["t"] = Redacted;
        request.QueryString = QueryString.Create(query).ToString();
        var question = request.RawTarget.IndexOf('?', StringComparison.Ordinal);
        request.RawTarget = (question < 0 ? request.RawTarget : request.RawTarget[..question]) + request.QueryString;
    }

    private sealed record StreamTokenFeature(string Value);
}
